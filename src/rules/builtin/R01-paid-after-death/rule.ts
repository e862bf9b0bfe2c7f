import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { chineseDate, distinct, paidTail } from '../../explainText.js';
import { livePayment, paymentHit, payments } from '../../ruleContext.js';
import { R01Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/** Each person's earliest death, with the source that reported it. */
export const firstDeaths = sql`(select e.id_number, e.death_date, min(e.source_kind) as source_kind
  from ds_deaths e
  join (select id_number, min(death_date) as first_death from ds_deaths where ${isLive()} group by id_number) x
    on x.id_number = e.id_number and x.first_death = e.death_date
  where ${isLive('e')}
  group by e.id_number, e.death_date)`;

/** R01 死亡后仍发放: a payment for a later month than the beneficiary's earliest death. */
export const R01: BuiltinRule = {
  code: R01Name.code,
  name: R01Name,
  severity: '高',
  params: {},
  economic: true,
  queries: (ctx) => [
    sql`${paymentHit('R01', 'p', { fact_kind: 'death', fact_date: sql`f.death_date`, fact_text: sql`f.source_kind` })}
    from ${firstDeaths} f
    join ${payments(ctx)} p on p.id_number = f.id_number and ${livePayment(ctx, 'p')}
    where p.period > substr(f.death_date, 1, 7)`,
  ],
  explain: (g) => {
    const death = g.hits[0];
    const source = distinct(g.hits, (h) => h.fact_text).filter((s) => s !== '')[0];
    return `${g.subjectName}于${chineseDate(death?.fact_date ?? null)}死亡${source ? `（${source}）` : ''}，${paidTail(g)}`;
  },
};
