import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { chineseDate, distinct, money, periodRange } from '../../explainText.js';
import { selectHit, subjectFilter } from '../../ruleContext.js';
import { R13Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/** R13 吃空饷: a payroll record for a later month than the payee's earliest death. */
export const R13: BuiltinRule = {
  code: R13Name.code,
  name: R13Name,
  severity: '高',
  params: {},
  economic: true,
  queries: (ctx) => [
    sql`${selectHit({
      rule_code: 'R13',
      subject: sql`s.id_number`,
      subject_kind: 'person',
      subject_name: sql`s.name`,
      village_code: sql`r.village_code`,
      jurisdiction_code: sql`coalesce(r.village_code, ${ctx.prefix.padEnd(12, '0')})`,
      period: sql`s.period`,
      amount_fen: sql`s.amount_fen`,
      dataset: 'payroll',
      row_id: sql`s.row_id`,
      record_ref: sql`s.employer || ' ' || s.period`,
      fact_kind: 'death',
      fact_ref: sql`s.employer`,
      fact_date: sql`x.death_date`,
      fuzzy: 0,
    })}
    from (select id_number, min(death_date) as death_date from ds_deaths where ${isLive()} group by id_number) x
    join ds_payroll s on s.id_number = x.id_number
    left join ds_residents r on ${isLive('r')} and r.id_number = s.id_number
    where ${isLive('s')} and s.period > substr(x.death_date, 1, 7)
      and coalesce(r.village_code, ${ctx.prefix.padEnd(12, '0')}) like ${`${ctx.prefix}%`}
      ${subjectFilter(ctx, 's.id_number')}`,
  ],
  explain: (g) => {
    const employer = distinct(g.hits, (h) => h.fact_ref).join('、');
    return `${g.subjectName}于${chineseDate(g.hits[0]?.fact_date ?? null)}死亡，${employer}${periodRange(g.periods)}仍发放工资共${money(g.amountFen)}`;
  },
};
