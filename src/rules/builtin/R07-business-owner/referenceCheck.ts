import type { DatasetRows } from '../../../demo/demoCounty.js';
import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R07 read plainly: a means-tested payment while someone of the household is the legal
 * representative or a shareholder of a business open during the month.
 */
export const R07ReferenceCheck: ReferenceCheck = (county, hit) => {
  const businesses = new Map<string, DatasetRows[]>();
  for (const b of county.rows.businesses!) {
    const owners = new Set([b.legal_rep_id_number!, ...b.shareholder_id_numbers!.split(';')]);
    for (const owner of owners) {
      if (owner === '') continue;
      const list = businesses.get(owner);
      if (list) list.push(b);
      else businesses.set(owner, [b]);
    }
  }
  for (const p of county.payments) {
    if (!p.meansTested) continue;
    for (const m of p.household) {
      const business = (businesses.get(m) ?? []).some(
        (b) => b.established_date! <= p.last && (b.closed_date === '' || b.closed_date! >= p.first),
      );
      if (business) hit(p.id, p.code);
    }
  }
};
