import type { RawBuilder } from 'kysely';
import type { RuleContext } from './ruleContext.js';
import type { WarningGroup } from '../warnings/warningGroup.js';

export type Severity = '高' | '中' | '低';

/** A built-in rule (docs/reference/rules.md): its set-based SQL over live data, its explanation. */
export interface BuiltinRule {
  code: string;
  name: { zh: string; en: string };
  severity: Severity;
  /** Parameters a jurisdiction may change (settings `rules.params.<code>`), with their defaults. */
  params: Readonly<Record<string, unknown>>;
  /** The economic rules check payments; R14 and R15 watch work style and efficiency. */
  economic: boolean;
  /** One SELECT of hit rows (ruleContext.ts hitColumns); several are joined with UNION ALL. */
  queries: (ctx: RuleContext) => RawBuilder<unknown>[];
  /** The sentence a warning shows, in Chinese, naming the facts. */
  explain: (group: WarningGroup) => string;
}
