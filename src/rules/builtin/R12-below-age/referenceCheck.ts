import { ageOnDate } from '../../../core/idNumber.js';
import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/** R12 read plainly: the beneficiary is younger at the month's end than the programme's age. */
export const R12ReferenceCheck: ReferenceCheck = (county, hit) => {
  for (const p of county.payments)
    if (p.program.min_age !== '' && ageOnDate(p.id, p.last) < Number(p.program.min_age))
      hit(p.id, p.code);
};
