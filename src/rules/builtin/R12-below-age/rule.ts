import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, paidTail } from '../../explainText.js';
import { livePayment, paymentHit, payments } from '../../ruleContext.js';
import { R12Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/** Whole years from the birth date in the ID number to the last day of the period. */
export const ageAtPeriodEnd = sql`(cast(substr(p.period, 1, 4) as integer) - cast(substr(p.id_number, 7, 4) as integer)
  - case when substr(p.id_number, 11, 2) > substr(p.period, 6, 2) then 1 else 0 end)`;

/** R12 年龄不符: the beneficiary is younger than the programme's minimum age. */
export const R12: BuiltinRule = {
  code: R12Name.code,
  name: R12Name,
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => [
    sql`${paymentHit('R12', 'p', { fact_kind: 'age', fact_ref: sql`cast(g.min_age as text)`, fact_text: sql`cast(${ageAtPeriodEnd} as text)` })}
    from ${payments(ctx)} p
    join ds_programs g on g.program_code = p.program_code
    where ${livePayment(ctx, 'p', { sequential: true })}
      and ${isLive('g')} and g.min_age is not null and ${ageAtPeriodEnd} < g.min_age`,
  ],
  explain: (g) => {
    const minimum = distinct(g.hits, (h) => h.fact_ref)[0] ?? '';
    const ages = distinct(g.hits, (h) => h.fact_text);
    return `${g.subjectName}出生于${g.subject.slice(6, 10)}年${Number(g.subject.slice(10, 12))}月，领取时仅${ages.join('、')}周岁，未达该项目最低年龄${minimum}周岁；${paidTail(g)}`;
  },
};
