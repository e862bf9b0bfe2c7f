import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { chineseDate, listed } from '../../explainText.js';
import { selectHit } from '../../ruleContext.js';
import { R14Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R14 办理超时: an application whose working days from receipt to decision (to today while
 * open) exceed its promised limit. Working days come from the calendar table (src/calendar):
 * the State Council's holidays and make-up working days, and the county's own overrides.
 */
export const R14: BuiltinRule = {
  code: R14Name.code,
  name: R14Name,
  severity: '低',
  params: {},
  economic: false,
  queries: (ctx) => [
    sql`${selectHit({
      rule_code: 'R14',
      subject: sql`coalesce(a.handler_id_number, a.organisation)`,
      subject_kind: sql`case when a.handler_id_number is null then 'organisation' else 'person' end`,
      subject_name: sql`coalesce(o.name, a.organisation)`,
      jurisdiction_code: sql`coalesce(o.jurisdiction_code, ${ctx.prefix.padEnd(12, '0')})`,
      period: sql`substr(a.received_date, 1, 7)`,
      dataset: 'approvals',
      row_id: sql`a.row_id`,
      record_ref: sql`a.case_no`,
      fact_kind: sql`case when a.decided_date is null then 'open' else 'decided' end`,
      fact_ref: sql`a.item`,
      fact_date: sql`a.received_date`,
      fact_text: sql`cast(c2.workday_index - c1.workday_index as text) || '/' || cast(a.time_limit_days as text)`,
      related_id: sql`a.organisation`,
      fuzzy: 0,
    })}
    from ds_approvals a
    join calendar c1 on c1.day = a.received_date
    join calendar c2 on c2.day = coalesce(a.decided_date, ${ctx.today})
    left join (select id_number, min(name) as name, min(jurisdiction_code) as jurisdiction_code
               from ds_officials where ${isLive()} group by id_number) o on o.id_number = a.handler_id_number
    where ${isLive('a')} and a.time_limit_days is not null
      and c2.workday_index - c1.workday_index > a.time_limit_days
      and coalesce(o.jurisdiction_code, ${ctx.prefix.padEnd(12, '0')}) like ${`${ctx.prefix}%`}`,
  ],
  explain: (g) => {
    const cases = g.hits.map((h) => {
      const [days, limit] = (h.fact_text ?? '').split('/');
      return `${h.fact_ref ?? ''}（${h.record_ref}，${chineseDate(h.fact_date)}受理，${h.fact_kind === 'open' ? '至今未办结，已' : '用时'}${days ?? ''}个工作日，承诺${limit ?? ''}个工作日）`;
    });
    return `${g.subjectName}经办的事项超过承诺时限：${listed(cases, 3)}`;
  },
};
