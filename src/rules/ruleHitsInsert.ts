import { sql, type RawBuilder } from 'kysely';
import type { BuiltinRule } from './builtinRule.js';
import { hitColumns, type RuleContext } from './ruleContext.js';

/** The statement that inserts one rule's hits into scan_hits: a single INSERT … SELECT. */
export function ruleHitsInsert(
  rule: Pick<BuiltinRule, 'queries'>,
  context: RuleContext,
): RawBuilder<unknown> {
  const union = sql.join(rule.queries(context), sql` union all `);
  const columns = sql.join(hitColumns.map((c) => sql.ref(c)));
  return sql`insert into scan_hits (scan_id, ${columns}) select ${sql.lit(context.scanId)}, ${columns} from (${union}) rule_hits`;
}
