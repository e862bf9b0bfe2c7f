import { sql, type RawBuilder } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { chineseDate, distinct, listed } from '../../explainText.js';
import { selectHit, type RuleContext } from '../../ruleContext.js';
import { R15Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

function setting(ctx: RuleContext, name: string, fallback: number): number {
  const value = ctx.params[name];
  return typeof value === 'number' ? value : fallback;
}

/**
 * Complaints that fall in some window of `days` days holding at least `count` complaints with
 * the same key (the same official; the same village and topic).
 */
function clustered(
  ctx: RuleContext,
  sameKey: (a: string, b: string) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const days = setting(ctx, 'windowDays', 90) - 1;
  const count = setting(ctx, 'minComplaints', 3);
  return sql`exists (select 1 from complaints w join calendar dw on dw.day = w.received_date
      where ${sameKey('w', 'c')} and dc.day_number between dw.day_number and dw.day_number + ${days}
        and (select count(*) from complaints z join calendar dz on dz.day = z.received_date
             where ${sameKey('z', 'c')} and dz.day_number between dw.day_number and dw.day_number + ${days}) >= ${count})`;
}

/** R15 投诉集中: 3 or more complaints within 90 days about the same official, or the same village and topic. */
export const R15: BuiltinRule = {
  code: R15Name.code,
  name: R15Name,
  severity: '中',
  params: { minComplaints: 3, windowDays: 90 },
  economic: false,
  queries: (ctx) => {
    const complaint = (subject: Parameters<typeof selectHit>[0]) =>
      selectHit({
        rule_code: 'R15',
        period: sql`substr(c.received_date, 1, 7)`,
        dataset: 'complaints',
        row_id: sql`c.id`,
        record_ref: sql`c.complaint_no`,
        fact_ref: sql`c.topic`,
        fact_date: sql`c.received_date`,
        village_code: sql`c.village_code`,
        fuzzy: 0,
        ...subject,
      });
    return [
      sql`${complaint({
        subject: sql`c.official_id_number`,
        subject_kind: 'person',
        subject_name: sql`coalesce((select min(o.name) from ds_officials o where ${isLive('o')} and o.id_number = c.official_id_number), c.official_id_number)`,
        jurisdiction_code: sql`c.village_code`,
        fact_kind: 'official',
      })}
      from complaints c join calendar dc on dc.day = c.received_date
      where c.official_id_number is not null and c.village_code like ${`${ctx.prefix}%`}
        and ${clustered(ctx, (a, b) => sql`${sql.ref(`${a}.official_id_number`)} = ${sql.ref(`${b}.official_id_number`)}`)}`,
      sql`${complaint({
        subject: sql`c.village_code`,
        subject_kind: 'village',
        subject_name: sql`coalesce((select v.name from divisions v where v.code = c.village_code), c.village_code)`,
        jurisdiction_code: sql`c.village_code`,
        fact_kind: 'village',
      })}
      from complaints c join calendar dc on dc.day = c.received_date
      where c.village_code like ${`${ctx.prefix}%`}
        and ${clustered(
          ctx,
          (a, b) =>
            sql`${sql.ref(`${a}.village_code`)} = ${sql.ref(`${b}.village_code`)} and ${sql.ref(`${a}.topic`)} = ${sql.ref(`${b}.topic`)}`,
        )}`,
    ];
  },
  explain: (g) => {
    const topics = distinct(g.hits, (h) => h.fact_ref);
    const dates = g.hits.map((h) => h.fact_date ?? '').sort();
    const who = g.hits[0]?.fact_kind === 'village' ? g.subjectName : `涉及${g.subjectName}的`;
    return `${chineseDate(dates[0] ?? null)}至${chineseDate(dates[dates.length - 1] ?? null)}，${who}投诉共${g.records.length}件（${listed(topics)}），90天内集中出现`;
  },
};
