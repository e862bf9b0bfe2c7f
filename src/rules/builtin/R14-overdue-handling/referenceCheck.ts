import { workingDaysBetween } from '../../../calendar/workingDays.js';
import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R14 read plainly: more working days from receipt to decision (to today while open) than the
 * time limit, against the handler, else the organisation.
 */
export const R14ReferenceCheck: ReferenceCheck = (county, hit) => {
  for (const a of county.rows.approvals!) {
    const end = a.decided_date === '' ? county.today : a.decided_date!;
    if (a.time_limit_days === '') continue;
    if (workingDaysBetween(a.received_date!, end) > Number(a.time_limit_days))
      hit(a.handler_id_number === '' ? a.organisation! : a.handler_id_number!, null);
  }
};
