import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { paidTail } from '../../explainText.js';
import { livePayment, paymentHit, periodEnd, periodStart, payments } from '../../ruleContext.js';
import { R16Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R16 无证领取残疾补贴: a payment of a programme that needs a disability certificate to someone
 * with none issued by the period's end and valid (or permanent) on its first day.
 */
export const R16: BuiltinRule = {
  code: R16Name.code,
  name: R16Name,
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => [
    sql`${paymentHit('R16', 'p', { fact_kind: 'no_certificate' })}
    from ds_programs g
    join ${payments(ctx)} p on p.program_code = g.program_code and ${livePayment(ctx, 'p')}
    where ${isLive('g')} and g.requires_disability = 1 and not exists (select 1 from ds_disabilities c where ${isLive('c')} and c.id_number = p.id_number
      and c.issued_date <= ${periodEnd('p.period')} and (c.valid_until is null or c.valid_until >= ${periodStart('p.period')}))`,
  ],
  explain: (g) => `${g.subjectName}在领取期间没有有效的残疾人证，${paidTail(g)}`,
};
