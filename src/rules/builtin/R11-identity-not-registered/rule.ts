import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, paidTail } from '../../explainText.js';
import {
  keptOrderJoin,
  livePayment,
  paymentHit,
  paymentRows,
  payments,
  planFence,
} from '../../ruleContext.js';
import { R11Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R11 身份存疑: the beneficiary's ID number is not in the registry although the registry holds
 * people of the payment's village, or the name differs from the registry's (after removing
 * spaces and folding traditional characters).
 */
export const R11: BuiltinRule = {
  code: R11Name.code,
  name: R11Name,
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pay = livePayment(ctx, 'p');
    // The name check reads every payment: on SQLite in table order (see R10); on PostgreSQL
    // the same expression would slow it down (docs/performance.md).
    return [
      // Beneficiaries first (one lookup each, not one per payment), then their payments. In an
      // incremental scan the village check stays a lookup per payment (PostgreSQL otherwise
      // joins the few payments with the villages of every resident).
      sql`${paymentHit('R11', 'p', { fact_kind: 'not_registered' })}
      from (select id_number from ${payments(ctx)} pp where ${paymentRows(ctx, 'pp')} group by id_number) b
      join ${payments(ctx)} p on p.id_number = b.id_number and ${pay}
      where not exists (select 1 from ds_residents r where ${isLive('r')} and r.id_number = b.id_number)
        and exists (select 1 from ds_residents v where ${isLive('v')} and v.village_code = p.village_code
          ${ctx.incremental ? planFence(ctx) : sql``})`,
      ctx.incremental
        ? sql`${paymentHit('R11', 'p', { fact_kind: 'name_differs', fact_text: sql`r.name` })}
      from ${payments(ctx)} p
      ${keptOrderJoin(ctx)} ds_residents r on ${isLive('r')} and r.id_number = p.id_number
      where ${pay} and r.name_fold <> p.name_fold`
        : sql`${paymentHit('R11', 'p', { fact_kind: 'name_differs', fact_text: sql`r.name` })}
      from ds_residents r
      join ${payments(ctx)} p on p.id_number = r.id_number and ${livePayment(ctx, 'p', { sequential: ctx.dialect === 'sqlite' })}
      where ${isLive('r')} and r.name_fold <> p.name_fold`,
    ];
  },
  explain: (g) => {
    const registered = distinct(g.hits, (h) =>
      h.fact_kind === 'name_differs' ? h.fact_text : null,
    );
    const reason =
      registered.length > 0
        ? `发放名单上的姓名与户籍登记的姓名“${registered.join('、')}”不一致`
        : '身份证号不在户籍人口库中（该村已有户籍数据）';
    return `${g.subjectName}${reason}，${paidTail(g)}`;
  },
};
