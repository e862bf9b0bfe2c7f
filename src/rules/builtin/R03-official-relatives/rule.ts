import { sql, type RawBuilder } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import {
  divisionPrefixSql,
  keptOrderJoin,
  livePayment,
  paymentHit,
  periodEnd,
  periodStart,
  type RuleContext,
  payments,
  unregistered,
} from '../../ruleContext.js';
import { R03Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

function officialFact(kind: RawBuilder<unknown> | string) {
  return {
    fact_kind: kind,
    fact_ref: sql`o.organisation`,
    fact_text: sql`o.organisation || coalesce(o.position, '')`,
    fact_date: sql`o.start_date`,
    related_id: sql`o.id_number`,
    related_name: sql`o.name`,
  };
}

/** The official o was in office during p's period and has power over p's village. */
const inOffice = sql`${isLive('o')} and o.start_date <= ${periodEnd('p.period')}
  and (o.end_date is null or o.end_date >= ${periodStart('p.period')})
  and p.village_code like ${divisionPrefixSql('o.jurisdiction_code')} || '%'`;

/**
 * An incremental scan's statements start from the re-checked payments (the copy) and look the
 * officials up through indexes; a full scan's start from the officials, who are few.
 */
function incrementalQueries(ctx: RuleContext): RawBuilder<unknown>[] {
  const pay = livePayment(ctx, 'p', { meansTested: true });
  const then = keptOrderJoin(ctx);
  return [
    sql`${paymentHit('R03', 'p', officialFact('official_self'))}
      from ${payments(ctx)} p ${then} ds_officials o on o.id_number = p.id_number
      where ${pay} and ${inOffice}`,
    sql`${paymentHit('R03', 'p', officialFact(sql`'declared:' || rel.relation`))}
      from ${payments(ctx)} p
      ${then} ds_relations rel on ${isLive('rel')} and rel.relative_id_number = p.id_number
      ${then} ds_officials o on o.id_number = rel.official_id_number
      where ${pay} and ${inOffice}`,
    sql`${paymentHit('R03', 'p', officialFact('household'))}
      from ${payments(ctx)} p
      ${then} ds_residents m on ${isLive('m')} and m.status = '正常' and m.id_number = p.id_number
      ${then} ds_residents h on ${isLive('h')} and h.status = '正常' and h.household_id = m.household_id and h.id_number <> p.id_number
      ${then} ds_officials o on o.id_number = h.id_number
      where ${pay} and ${inOffice}`,
    sql`${paymentHit('R03', 'p', officialFact('household'))}
      from ${payments(ctx)} p
      ${then} ds_residents h on ${isLive('h')} and h.status = '正常' and h.household_id = p.household_id and h.id_number <> p.id_number
      ${then} ds_officials o on o.id_number = h.id_number
      where ${pay} and ${inOffice} and ${unregistered(ctx, 'p')}`,
  ];
}

function queries(ctx: RuleContext): RawBuilder<unknown>[] {
  if (ctx.incremental) return incrementalQueries(ctx);
  const pay = livePayment(ctx, 'p', { meansTested: true });
  return [
    sql`${paymentHit('R03', 'p', officialFact('official_self'))}
      from ds_officials o join ${payments(ctx)} p on p.id_number = o.id_number and ${pay}
      where ${inOffice}`,
    sql`${paymentHit('R03', 'p', officialFact(sql`'declared:' || rel.relation`))}
      from ds_relations rel
      join ds_officials o on o.id_number = rel.official_id_number
      join ${payments(ctx)} p on p.id_number = rel.relative_id_number and ${pay}
      where ${isLive('rel')} and ${inOffice}`,
    // Members of the official's household: in the registry, or named on the payment.
    sql`${paymentHit('R03', 'p', officialFact('household'))}
      from ds_officials o
      join ds_residents h on ${isLive('h')} and h.status = '正常' and h.id_number = o.id_number
      join ds_residents m on ${isLive('m')} and m.status = '正常' and m.household_id = h.household_id and m.id_number <> o.id_number
      join ${payments(ctx)} p on p.id_number = m.id_number and ${pay}
      where ${inOffice}`,
    sql`${paymentHit('R03', 'p', officialFact('household'))}
      from ds_officials o
      join ds_residents h on ${isLive('h')} and h.status = '正常' and h.id_number = o.id_number
      join ${payments(ctx)} p on p.household_id = h.household_id and p.id_number <> o.id_number and ${pay}
      where ${inOffice}
        and ${unregistered(ctx, 'p')}`,
  ];
}

/**
 * R03 干部本人或亲属享受: a means-tested payment to an official, or a relative of an official
 * (declared, or of the official's household), in office during the period with power over
 * the payment's village.
 */
export const R03: BuiltinRule = {
  code: R03Name.code,
  name: R03Name,
  severity: '高',
  params: {},
  economic: true,
  queries,
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
