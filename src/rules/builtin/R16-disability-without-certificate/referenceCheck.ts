import { groupBy, type ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R16 read plainly: a payment of a programme that needs a disability certificate while the
 * beneficiary holds none valid during the month.
 */
export const R16ReferenceCheck: ReferenceCheck = (county, hit) => {
  const certificates = groupBy(county.rows.disabilities!, (r) => r.id_number!);
  for (const p of county.payments) {
    if (p.program.requires_disability !== '是') continue;
    const valid = (certificates.get(p.id) ?? []).some(
      (c) => c.issued_date! <= p.last && (c.valid_until === '' || c.valid_until! >= p.first),
    );
    if (!valid) hit(p.id, p.code);
  }
};
