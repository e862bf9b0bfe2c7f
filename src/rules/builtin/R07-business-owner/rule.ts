import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import { periodEnd, periodStart } from '../../ruleContext.js';
import { householdFactHits } from '../householdFacts.js';
import { R07Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R07 经营企业人员领取: a means-tested payment while the beneficiary or a household member is
 * legal representative or shareholder of a business established by the period's end and not
 * closed before its start.
 */
export const R07: BuiltinRule = {
  code: R07Name.code,
  name: R07Name,
  severity: '中',
  params: {},
  economic: true,
  queries: (ctx) =>
    householdFactHits(ctx, {
      rule: 'R07',
      // A person's businesses, found from the person: CROSS JOIN keeps SQLite from putting the
      // businesses first and reading every business per payment (docs/performance.md).
      facts: sql`(select bp.id_number, bp.role, b.credit_code, b.business_name, b.established_date, b.closed_date
        from ds_business_people bp
        cross join ds_businesses b
        where ${isLive('b')} and b.batch_id = bp.batch_id and b.row_number = bp.row_number) f`,
      when: sql`f.established_date <= ${periodEnd('p.period')} and (f.closed_date is null or f.closed_date >= ${periodStart('p.period')})`,
      meansTested: true,
      columns: {
        fact_kind: sql`f.role`,
        fact_ref: sql`f.credit_code`,
        fact_text: sql`f.business_name`,
        fact_date: sql`f.established_date`,
      },
    }),
  explain: (g) => {
    const roles = distinct(
      g.hits,
      (h) =>
        `${h.related_id === g.subject ? '本人' : `家庭成员${h.related_name ?? ''}`}为${h.fact_text ?? ''}的${h.fact_kind === 'legal_rep' ? '法定代表人' : '股东'}`,
    );
    return `${g.subjectName}${listed(roles)}，${paidTail(g)}`;
  },
};
