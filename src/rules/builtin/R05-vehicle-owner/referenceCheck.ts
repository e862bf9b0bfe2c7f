import { groupBy, type ReferenceCheck } from '../../../demo/referenceCounty.js';

const exemptVehicles = new Set(['三轮汽车', '低速货车', '拖拉机', '摩托车']);

/**
 * R05 read plainly: a means-tested payment while someone of the household owns a vehicle of a
 * type not exempt, registered by the month's end and not cancelled before its start.
 */
export const R05ReferenceCheck: ReferenceCheck = (county, hit) => {
  const vehicles = groupBy(county.rows.vehicles!, (r) => r.id_number!);
  for (const p of county.payments) {
    if (!p.meansTested) continue;
    for (const m of p.household) {
      const car = (vehicles.get(m) ?? []).some(
        (v) =>
          !exemptVehicles.has(v.vehicle_type!) &&
          v.registered_date! <= p.last &&
          (v.cancelled_date === '' || v.cancelled_date! >= p.first),
      );
      if (car) hit(p.id, p.code);
    }
  }
};
