import { groupBy, type ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R08 read plainly: two payments of one programme to one person for one month, or a payment
 * of a programme that excludes another the person is paid that month.
 */
export const R08ReferenceCheck: ReferenceCheck = (county, hit) => {
  const byPersonProgramPeriod = groupBy(
    county.rows.disbursements!,
    (p) => `${p.id_number}|${p.program_code}|${p.period}`,
  );
  for (const p of county.payments) {
    const { id, code, period } = p;
    const same = byPersonProgramPeriod.get(`${id}|${code}|${period}`)!;
    const exclusive = p.program.exclusive_with!.split(/[;、]/).filter((c) => c !== '');
    if (same.length > 1 || exclusive.some((c) => byPersonProgramPeriod.has(`${id}|${c}|${period}`)))
      hit(id, code);
  }
};
