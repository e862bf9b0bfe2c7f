import crypto from 'node:crypto';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import { ruleDialects, ruleStatement } from './ruleStatements.js';

/**
 * Each rule's full-scan statement with its parameters, under a line naming the rule: the
 * text the digest hashes, kept in this form so that a release that leaves a rule alone leaves
 * its digest alone too.
 */
function statementTexts(rules: readonly BuiltinRule[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const rule of rules)
    for (const dialect of ruleDialects) {
      const compiled = ruleStatement(rule, dialect, false);
      texts[`${rule.code}.${dialect}.sql`] =
        `-- ${rule.code} ${rule.name.zh} (${rule.name.en}): a full scan of 431226 (scan 1), as ${dialect} runs it.\n` +
        `-- Parameters: ${JSON.stringify(compiled.parameters)}\n${compiled.sql.replace(/\s+\n/g, '\n')}\n`;
    }
  return texts;
}

let releaseDigest: string | undefined;

/**
 * A digest of the built-in rules as this release runs them: their statements, parameters,
 * severities and explanations. A release that changes a rule changes it, and the next scan is
 * full (an incremental scan keeps earlier months' evidence, which the old rule found).
 */
export function rulesReleaseDigest(rules: readonly BuiltinRule[] = builtinRules): string {
  if (rules === builtinRules && releaseDigest) return releaseDigest;
  const digest = crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        statementTexts(rules),
        rules.map((r) => [r.code, r.severity, r.explain.toString()]),
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  if (rules === builtinRules) releaseDigest = digest;
  return digest;
}
