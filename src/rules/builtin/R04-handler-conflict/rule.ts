import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import {
  keptOrderJoin,
  livePayment,
  paymentHit,
  paymentRows,
  payments,
  unregistered,
} from '../../ruleContext.js';
import { R04Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R04 经办人利益冲突: the payment's handler is the beneficiary, of the beneficiary's household,
 * a declared relative either way, or the holder of the receiving account. Driven from the
 * handlers (a few officials) to the payments they handled.
 */
export const R04: BuiltinRule = {
  code: R04Name.code,
  name: R04Name,
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pay = livePayment(ctx, 'p');
    const handler = (kind: string) =>
      paymentHit('R04', 'p', {
        fact_kind: kind,
        related_id: sql`p.handler_id_number`,
        fact_ref: sql`p.handler_id_number`,
      });
    const handlers = sql`(select distinct handler_id_number as id_number from ${payments(ctx)} pp where ${paymentRows(ctx, 'pp')} and handler_id_number is not null) hd`;
    const then = keptOrderJoin(ctx);
    // Declarations either way between the handler and the beneficiary: an incremental scan
    // looks them up from its few payments, a full scan reads them with all payments.
    const declared = (beneficiary: string, handlerSide: string) =>
      ctx.incremental
        ? sql`${handler('declared')} from ${payments(ctx)} p
        ${then} ds_relations rel on ${isLive('rel')} and ${sql.ref(`rel.${beneficiary}`)} = p.id_number
          and ${sql.ref(`rel.${handlerSide}`)} = p.handler_id_number
        where ${pay} and rel.official_id_number <> rel.relative_id_number`
        : sql`${handler('declared')} from ds_relations rel
        join ${payments(ctx)} p on p.id_number = ${sql.ref(`rel.${beneficiary}`)} and p.handler_id_number = ${sql.ref(`rel.${handlerSide}`)} and ${pay}
        where ${isLive('rel')} and rel.official_id_number <> rel.relative_id_number`;
    return [
      sql`${handler('self')} from ${payments(ctx)} p where ${pay} and p.handler_id_number = p.id_number`,
      sql`${handler('household')} from ${handlers}
        ${then} ds_residents h on ${isLive('h')} and h.status = '正常' and h.id_number = hd.id_number
        ${then} ds_residents m on ${isLive('m')} and m.status = '正常' and m.household_id = h.household_id and m.id_number <> hd.id_number
        ${then} ${payments(ctx)} p on p.id_number = m.id_number and p.handler_id_number = hd.id_number and ${pay}`,
      sql`${handler('household')} from ${handlers}
        ${then} ds_residents h on ${isLive('h')} and h.status = '正常' and h.id_number = hd.id_number
        ${then} ${payments(ctx)} p on p.household_id = h.household_id and p.handler_id_number = hd.id_number
          and p.id_number <> hd.id_number and ${pay}
        where ${unregistered(ctx, 'p')}`,
      declared('relative_id_number', 'official_id_number'),
      declared('official_id_number', 'relative_id_number'),
      sql`${handler('account_holder')} from ${payments(ctx)} p
        where ${pay} and p.account_holder_id_number = p.handler_id_number and p.handler_id_number <> p.id_number`,
    ];
  },
  explain: (g) => {
    const kinds = distinct(g.hits, (h) =>
      h.fact_kind === 'self'
        ? '经办人即本人'
        : h.fact_kind === 'household'
          ? '经办人与其同户'
          : h.fact_kind === 'declared'
            ? '经办人与其有申报的亲属关系'
            : '经办人即收款账户户主',
    );
    return `${g.subjectName}的发放由利益相关人经办（${listed(kinds)}），${paidTail(g)}`;
  },
};
