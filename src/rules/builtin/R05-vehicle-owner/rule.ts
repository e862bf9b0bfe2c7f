import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import { periodEnd, periodStart } from '../../ruleContext.js';
import { householdFactHits } from '../householdFacts.js';
import { R05Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

export const defaultExemptVehicleTypes = ['三轮汽车', '低速货车', '拖拉机', '摩托车'];

function exemptTypes(params: Readonly<Record<string, unknown>>): string[] {
  const value = params.exemptVehicleTypes;
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : defaultExemptVehicleTypes;
}

/**
 * R05 有车人员领取: a means-tested payment while the beneficiary or a household member owns a
 * vehicle (registered by the period's end, not cancelled before its start) of a type that is
 * not exempt. A type is exempt when it names an exempt kind (普通二轮摩托车 is a 摩托车).
 */
export const R05: BuiltinRule = {
  code: R05Name.code,
  name: R05Name,
  severity: '中',
  params: { exemptVehicleTypes: defaultExemptVehicleTypes },
  economic: true,
  queries: (ctx) => {
    const exempt = exemptTypes(ctx.params);
    const notExempt =
      exempt.length === 0
        ? sql``
        : sql`and ${sql.join(
            exempt.map((t) => sql`f.vehicle_type not like ${`%${t}%`}`),
            sql` and `,
          )}`;
    return householdFactHits(ctx, {
      rule: 'R05',
      facts: sql`ds_vehicles f`,
      factFilter: sql`${isLive('f')} ${notExempt}`,
      when: sql`${isLive('f')} ${notExempt} and f.registered_date <= ${periodEnd('p.period')}
        and (f.cancelled_date is null or f.cancelled_date >= ${periodStart('p.period')})`,
      meansTested: true,
      columns: {
        fact_kind: 'vehicle',
        fact_ref: sql`f.plate`,
        fact_text: sql`f.vehicle_type`,
        fact_date: sql`f.registered_date`,
      },
    });
  },
  explain: (g) => {
    const cars = distinct(
      g.hits,
      (h) =>
        `${h.related_id === g.subject ? '本人' : `家庭成员${h.related_name ?? ''}`}名下${h.fact_text ?? ''}${h.fact_ref ?? ''}`,
    );
    return `${g.subjectName}${listed(cars)}，${paidTail(g)}`;
  },
};
