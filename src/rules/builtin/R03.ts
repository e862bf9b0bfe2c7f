import { sql, type RawBuilder } from 'kysely';
import type { BuiltinRule } from '../builtinRule.js';
import { distinct, listed, paidTail } from '../explainText.js';
import {
  divisionPrefixSql,
  normalResidents,
  paymentHit,
  paymentsWithHousehold,
  periodEnd,
  periodStart,
} from '../ruleContext.js';

/**
 * R03 干部本人或亲属享受: a means-tested payment to an official, or a relative of an official
 * (declared, or of the official's household), in office during the period with power over
 * the payment's village.
 */
export const R03: BuiltinRule = {
  code: 'R03',
  name: { zh: '干部本人或亲属享受', en: 'Officials or their relatives on means-tested aid' },
  severity: '高',
  params: {},
  economic: true,
  queries: (ctx) => {
    const pays = paymentsWithHousehold(ctx, { meansTested: true });
    const inOffice = sql`o.live = 1 and o.start_date <= ${periodEnd('p.period')}
      and (o.end_date is null or o.end_date >= ${periodStart('p.period')})
      and p.village_code like ${divisionPrefixSql('o.jurisdiction_code')} || '%'`;
    const fact = (kind: RawBuilder<unknown>) =>
      paymentHit('R03', 'p', {
        fact_kind: kind,
        fact_ref: sql`o.organisation`,
        fact_text: sql`o.organisation || coalesce(o.position, '')`,
        fact_date: sql`o.start_date`,
        related_id: sql`o.id_number`,
        related_name: sql`o.name`,
      });
    return [
      sql`${fact(sql`'official_self'`)} from ${pays} p join ds_officials o on o.id_number = p.id_number and ${inOffice}`,
      sql`${fact(sql`'declared:' || rel.relation`)} from ${pays} p
        join ds_relations rel on rel.live = 1 and rel.relative_id_number = p.id_number
        join ds_officials o on o.id_number = rel.official_id_number and ${inOffice}`,
      sql`${fact(sql`'household'`)} from ${pays} p
        join ${normalResidents} home on home.household_id = p.hk and home.id_number <> p.id_number
        join ds_officials o on o.id_number = home.id_number and ${inOffice}`,
    ];
  },
  explain: (g) => {
    const links = distinct(g.hits, (h) => {
      const official = `${h.fact_text ?? ''}${h.related_name ?? ''}`;
      if (h.fact_kind === 'official_self') return `本人为${official}`;
      if (h.fact_kind === 'household') return `与${official}同户`;
      return `为${official}的${h.fact_kind.replace('declared:', '')}（申报）`;
    });
    return `${g.subjectName}${listed(links)}，该干部任职期间对其所在村有管辖权；${paidTail(g)}`;
  },
};
