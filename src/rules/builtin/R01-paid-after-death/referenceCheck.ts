import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/** R01 read plainly: a payment for a month after the beneficiary's earliest recorded death. */
export const R01ReferenceCheck: ReferenceCheck = (county, hit) => {
  for (const p of county.payments) {
    const death = county.earliestDeath.get(p.id);
    if (death && p.period > death.slice(0, 7)) hit(p.id, p.code);
  }
};
