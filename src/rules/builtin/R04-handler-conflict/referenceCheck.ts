import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R04 read plainly: the payment's handler is the beneficiary, of the household, a declared
 * relative either way, or the account's holder.
 */
export const R04ReferenceCheck: ReferenceCheck = (county, hit) => {
  const { declared } = county;
  for (const p of county.payments) {
    const id = p.id;
    const handler = p.row.handler_id_number!;
    if (handler === '') continue;
    const related =
      handler === id ||
      p.household.has(handler) ||
      (declared.get(handler)?.has(id) ?? false) ||
      (declared.get(id)?.has(handler) ?? false) ||
      handler === p.row.account_holder_id_number;
    if (related) hit(id, p.code);
  }
};
