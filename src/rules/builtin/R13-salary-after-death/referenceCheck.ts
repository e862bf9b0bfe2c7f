import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/** R13 read plainly: a salary for a month after the payee's earliest recorded death. */
export const R13ReferenceCheck: ReferenceCheck = (county, hit) => {
  for (const r of county.rows.payroll!) {
    const death = county.earliestDeath.get(r.id_number!);
    if (death && r.period! > death.slice(0, 7)) hit(r.id_number!, null);
  }
};
