import { sql } from 'kysely';
import type { BuiltinRule } from '../builtinRule.js';
import { distinct, listed, paidTail } from '../explainText.js';
import { normalResidents, paymentHit, paymentsWithHousehold } from '../ruleContext.js';

/**
 * R04 经办人利益冲突: the payment's handler is the beneficiary, of the beneficiary's household,
 * a declared relative either way, or the holder of the receiving account.
 */
export const R04: BuiltinRule = {
  code: 'R04',
  name: { zh: '经办人利益冲突', en: 'Handler conflict of interest' },
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pays = paymentsWithHousehold(ctx);
    const handler = (kind: string) =>
      paymentHit('R04', 'p', {
        fact_kind: kind,
        related_id: sql`p.handler_id_number`,
        fact_ref: sql`p.handler_id_number`,
      });
    return [
      sql`${handler('self')} from ${pays} p where p.handler_id_number = p.id_number`,
      sql`${handler('household')} from ${pays} p
        join ${normalResidents} m on m.household_id = p.hk and m.id_number = p.handler_id_number
        where p.handler_id_number <> p.id_number`,
      sql`${handler('declared')} from ${pays} p
        join ds_relations rel on rel.live = 1
          and ((rel.official_id_number = p.handler_id_number and rel.relative_id_number = p.id_number)
            or (rel.official_id_number = p.id_number and rel.relative_id_number = p.handler_id_number))
        where p.handler_id_number <> p.id_number`,
      sql`${handler('account_holder')} from ${pays} p
        where p.account_holder_id_number = p.handler_id_number and p.handler_id_number <> p.id_number`,
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
