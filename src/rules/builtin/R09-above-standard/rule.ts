import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, money, paidTail } from '../../explainText.js';
import { livePayment, paymentHit, payments } from '../../ruleContext.js';
import { R09Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/** R09 超标准发放: an amount above the programme's monthly standard times the household size. */
export const R09: BuiltinRule = {
  code: R09Name.code,
  name: R09Name,
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => [
    sql`${paymentHit('R09', 'p', {
      fact_kind: 'standard',
      fact_ref: sql`cast(g.standard_monthly_fen as text)`,
      fact_text: sql`cast(p.household_size as text)`,
    })}
    from ds_programs g
    join ${payments(ctx)} p on p.program_code = g.program_code and ${livePayment(ctx, 'p')}
    where ${isLive('g')} and g.standard_monthly_fen is not null and p.amount_fen > g.standard_monthly_fen * p.household_size`,
  ],
  explain: (g) => {
    const standard = Number(distinct(g.hits, (h) => h.fact_ref)[0] ?? 0);
    const sizes = distinct(g.hits, (h) => h.fact_text).join('/');
    return `${g.subjectName}按${sizes}人保障，标准为每人每月${money(standard)}，但${paidTail(g)}，超出标准`;
  },
};
