import { sql } from 'kysely';
import type { BuiltinRule } from '../builtinRule.js';
import { distinct, listed, paidTail } from '../explainText.js';
import {
  normalResidents,
  paymentHit,
  paymentsWithHousehold,
  periodEnd,
  periodStart,
} from '../ruleContext.js';

/**
 * R02 财政供养人员领取: a means-tested payment while the beneficiary or a household member is
 * on the payroll for that month, or is a state-paid official in office.
 */
export const R02: BuiltinRule = {
  code: 'R02',
  name: { zh: '财政供养人员领取', en: 'State-paid staff on means-tested aid' },
  severity: '高',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pays = paymentsWithHousehold(ctx, { meansTested: true });
    // The people of the payment: the beneficiary, and the members of their household.
    const people = sql`(select p.row_id as pay_row, p.id_number as person, p.name as person_name from ${pays} p
      union select p.row_id, m.id_number, m.name from ${pays} p join ${normalResidents} m on m.household_id = p.hk and m.id_number <> p.id_number)`;
    return [
      sql`${paymentHit('R02', 'p', {
        fact_kind: 'payroll',
        fact_ref: sql`s.employer`,
        fact_text: sql`s.employer`,
        related_id: sql`s.id_number`,
        related_name: sql`s.name`,
      })}
      from ${pays} p
      join ${people} pp on pp.pay_row = p.row_id
      join ds_payroll s on s.live = 1 and s.id_number = pp.person and s.period = p.period`,
      sql`${paymentHit('R02', 'p', {
        fact_kind: 'official',
        fact_ref: sql`o.organisation`,
        fact_text: sql`o.organisation || coalesce(o.position, '')`,
        fact_date: sql`o.start_date`,
        related_id: sql`o.id_number`,
        related_name: sql`o.name`,
      })}
      from ${pays} p
      join ${people} pp on pp.pay_row = p.row_id
      join ds_officials o on o.live = 1 and o.state_paid = 1 and o.id_number = pp.person
        and o.start_date <= ${periodEnd('p.period')} and (o.end_date is null or o.end_date >= ${periodStart('p.period')})`,
    ];
  },
  explain: (g) => {
    const who = distinct(g.hits, (h) =>
      h.related_id === g.subject ? '本人' : h.related_name ? `家庭成员${h.related_name}` : null,
    );
    const where = distinct(g.hits, (h) => h.fact_text);
    return `${g.subjectName}（${listed(who)}为财政供养人员，${listed(where)}），${paidTail(g)}`;
  },
};
