import { sql } from 'kysely';
import type { BuiltinRule } from '../builtinRule.js';
import { distinct, listed, paidTail } from '../explainText.js';
import { paymentHit, paymentsWithHousehold, periodEnd, periodStart } from '../ruleContext.js';
import { peopleOfPayments } from './householdFacts.js';

/**
 * R07 经营企业人员领取: a means-tested payment while the beneficiary or a household member is
 * legal representative or shareholder of a business established by the period's end and not
 * closed before its start.
 */
export const R07: BuiltinRule = {
  code: 'R07',
  name: { zh: '经营企业人员领取', en: 'Business owner on means-tested aid' },
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pays = paymentsWithHousehold(ctx, { meansTested: true });
    return [
      sql`${paymentHit('R07', 'p', {
        fact_kind: sql`bp.role`,
        fact_ref: sql`b.credit_code`,
        fact_text: sql`b.business_name`,
        fact_date: sql`b.established_date`,
        related_id: sql`pp.person`,
        related_name: sql`pp.person_name`,
      })}
      from ${pays} p
      join ${peopleOfPayments(pays)} pp on pp.pay_row = p.row_id
      join ds_business_people bp on bp.id_number = pp.person
      join ds_businesses b on b.live = 1 and b.batch_id = bp.batch_id and b.row_number = bp.row_number
        and b.established_date <= ${periodEnd('p.period')}
        and (b.closed_date is null or b.closed_date >= ${periodStart('p.period')})`,
    ];
  },
  explain: (g) => {
    const roles = distinct(
      g.hits,
      (h) =>
        `${h.related_id === g.subject ? '本人' : `家庭成员${h.related_name ?? ''}`}为${h.fact_text ?? ''}的${h.fact_kind === 'legal_rep' ? '法定代表人' : '股东'}`,
    );
    return `${g.subjectName}${listed(roles)}，${paidTail(g)}`;
  },
};
