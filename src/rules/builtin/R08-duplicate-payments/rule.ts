import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import { livePayment, paymentHit, paymentRows, payments } from '../../ruleContext.js';
import { R08Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R08 重复领取: another payment of the same programme for the same month (another record), or
 * a payment of a programme this one excludes (`exclusive_with`) for the same month.
 */
export const R08: BuiltinRule = {
  code: R08Name.code,
  name: R08Name,
  severity: '高',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pay = livePayment(ctx, 'p');
    const other = (kind: string) =>
      paymentHit('R08', 'p', {
        fact_kind: kind,
        fact_ref: sql`q.record_id`,
        fact_text: sql`q.program_code`,
        fact_date: sql`q.pay_date`,
      });
    return [
      sql`${other('same_program')}
        from (select id_number, program_code, period from ${payments(ctx)} pp
              where ${paymentRows(ctx, 'pp')}
              group by id_number, program_code, period having count(*) > 1) dup
        join ${payments(ctx)} p on p.id_number = dup.id_number and p.period = dup.period and p.program_code = dup.program_code and ${pay}
        join ${payments(ctx)} q on ${paymentRows(ctx, 'q')} and q.id_number = p.id_number and q.period = p.period
          and q.program_code = p.program_code and q.row_id <> p.row_id`,
      sql`${other('exclusive')}
        from ds_programs g
        join ${payments(ctx)} p on p.program_code = g.program_code and ${pay}
        join ${payments(ctx)} q on ${paymentRows(ctx, 'q')} and q.id_number = p.id_number and q.period = p.period
          and q.program_code <> p.program_code
          and (';' || g.exclusive_with || ';') like ('%;' || q.program_code || ';%')
        where ${isLive('g')} and g.exclusive_with is not null`,
    ];
  },
  explain: (g) => {
    const same = g.hits.some((h) => h.fact_kind === 'same_program');
    const excl = distinct(
      g.hits.filter((h) => h.fact_kind === 'exclusive'),
      (h) => h.fact_text,
    );
    const parts = [
      ...(same ? ['同一项目同一期间有多条发放记录'] : []),
      ...(excl.length > 0 ? [`同一期间还领取了互斥项目${listed(excl)}`] : []),
    ];
    return `${g.subjectName}${parts.join('，')}：${paidTail(g)}`;
  },
};
