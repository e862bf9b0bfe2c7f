import { sql } from 'kysely';
import type { BuiltinRule } from '../builtinRule.js';
import { distinct, listed, paidTail } from '../explainText.js';
import { paymentHit, paymentsWithHousehold, periodEnd } from '../ruleContext.js';
import { peopleOfPayments } from './householdFacts.js';

/**
 * R06 有房产人员领取: a means-tested payment while, on the period's last day, the beneficiary
 * or a household member owns a 商业/办公/工业 property, or the household owns two or more 住宅.
 */
export const R06: BuiltinRule = {
  code: 'R06',
  name: { zh: '有房产人员领取', en: 'Property owner on means-tested aid' },
  severity: '中',
  params: { minHomes: 2 },
  economic: true,
  queries: (ctx) => {
    const pays = paymentsWithHousehold(ctx, { meansTested: true });
    const minHomes = typeof ctx.params.minHomes === 'number' ? ctx.params.minHomes : 2;
    const owned = sql`join ${peopleOfPayments(pays)} pp on pp.pay_row = p.row_id
      join ds_properties h on h.live = 1 and h.id_number = pp.person and h.registered_date <= ${periodEnd('p.period')}`;
    const fact = paymentHit('R06', 'p', {
      fact_kind: sql`h.usage`,
      fact_ref: sql`h.certificate_no`,
      fact_text: sql`coalesce(h.location, '')`,
      fact_date: sql`h.registered_date`,
      related_id: sql`pp.person`,
      related_name: sql`pp.person_name`,
    });
    return [
      sql`${fact} from ${pays} p ${owned} where h.usage in ('商业', '办公', '工业')`,
      sql`${fact} from ${pays} p ${owned} where h.usage = '住宅' and p.row_id in (
        select p2.row_id from ${pays} p2
        join ${peopleOfPayments(pays)} pp2 on pp2.pay_row = p2.row_id
        join ds_properties h2 on h2.live = 1 and h2.id_number = pp2.person and h2.usage = '住宅'
          and h2.registered_date <= ${periodEnd('p2.period')}
        group by p2.row_id having count(distinct h2.certificate_no) >= ${minHomes})`,
    ];
  },
  explain: (g) => {
    const homes = distinct(
      g.hits,
      (h) =>
        `${h.related_id === g.subject ? '本人' : `家庭成员${h.related_name ?? ''}`}名下${h.fact_kind}房产（${h.fact_ref ?? ''}）`,
    );
    return `${g.subjectName}${listed(homes)}，${paidTail(g)}`;
  },
};
