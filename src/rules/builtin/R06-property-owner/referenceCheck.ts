import { groupBy, type ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R06 read plainly: a means-tested payment while the household owns, by the month's end, two
 * homes or more, or any commercial, office or industrial property.
 */
export const R06ReferenceCheck: ReferenceCheck = (county, hit) => {
  const properties = groupBy(county.rows.properties!, (r) => r.id_number!);
  for (const p of county.payments) {
    if (!p.meansTested) continue;
    const homes = new Set<string>();
    let other = false;
    for (const m of p.household)
      for (const property of properties.get(m) ?? []) {
        if (property.registered_date! > p.last) continue;
        if (property.usage === '住宅') homes.add(property.certificate_no!);
        if (['商业', '办公', '工业'].includes(property.usage!)) other = true;
      }
    if (other || homes.size >= 2) hit(p.id, p.code);
  }
};
