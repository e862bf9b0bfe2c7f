import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import { periodEnd, periodStart } from '../../ruleContext.js';
import { householdFactHits } from '../householdFacts.js';
import { R02Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R02 财政供养人员领取: a means-tested payment while the beneficiary or a household member is
 * on the payroll for that month, or is a state-paid official in office.
 */
export const R02: BuiltinRule = {
  code: R02Name.code,
  name: R02Name,
  severity: '高',
  params: {},
  economic: true,
  queries: (ctx) => [
    ...householdFactHits(ctx, {
      rule: 'R02',
      facts: sql`ds_payroll f`,
      when: sql`${isLive('f')} and f.period = p.period`,
      factFilter: isLive('f'),
      meansTested: true,
      columns: { fact_kind: 'payroll', fact_ref: sql`f.employer`, fact_text: sql`f.employer` },
    }),
    ...householdFactHits(ctx, {
      rule: 'R02',
      facts: sql`ds_officials f`,
      factFilter: sql`${isLive('f')} and f.state_paid = 1`,
      when: sql`${isLive('f')} and f.state_paid = 1 and f.start_date <= ${periodEnd('p.period')}
        and (f.end_date is null or f.end_date >= ${periodStart('p.period')})`,
      meansTested: true,
      columns: {
        fact_kind: 'official',
        fact_ref: sql`f.organisation`,
        fact_text: sql`f.organisation || coalesce(f.position, '')`,
        fact_date: sql`f.start_date`,
      },
    }),
  ],
  explain: (g) => {
    const who = distinct(g.hits, (h) =>
      h.related_id === g.subject ? '本人' : h.related_name ? `家庭成员${h.related_name}` : null,
    );
    const where = distinct(g.hits, (h) => h.fact_text);
    return `${g.subjectName}（${listed(who)}为财政供养人员，${listed(where)}），${paidTail(g)}`;
  },
};
