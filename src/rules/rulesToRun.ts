import type { AppContext } from '../appContext.js';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import { activeCustomRules } from './customRules.js';
import type { RuleContext } from './ruleContext.js';
import { ruleEnabled, ruleParams } from './ruleSettings.js';

/** Rules that watch work style re-run in full on every scan: their data is small. */
const alwaysFull = new Set(['R14', 'R15']);

/** A rule as a scan runs it: built-in or custom, with the jurisdiction's parameters. */
export interface RunnableRule {
  code: string;
  version: number;
  severity: BuiltinRule['severity'];
  explain: BuiltinRule['explain'];
  queries: (ctx: RuleContext) => ReturnType<BuiltinRule['queries']>;
  params: Record<string, unknown>;
  fullOnly: boolean;
}

export async function rulesToRun(ctx: AppContext, jurisdiction: string): Promise<RunnableRule[]> {
  const db = ctx.handle.db;
  const out: RunnableRule[] = [];
  for (const rule of builtinRules) {
    if (!(await ruleEnabled(db, jurisdiction, rule.code))) continue;
    out.push({
      code: rule.code,
      version: 1,
      severity: rule.severity,
      explain: rule.explain,
      queries: rule.queries,
      params: await ruleParams(db, jurisdiction, rule),
      fullOnly: alwaysFull.has(rule.code),
    });
  }
  for (const custom of await activeCustomRules(db)) {
    if (!(await ruleEnabled(db, jurisdiction, custom.code))) continue;
    out.push({ ...custom, params: {}, fullOnly: false });
  }
  return out;
}
