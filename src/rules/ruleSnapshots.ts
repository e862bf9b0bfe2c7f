import { format } from 'sql-formatter';
import type { Dialect } from '../db/openDatabase.js';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import { ruleDialects, ruleStatement } from './ruleStatements.js';

/**
 * The SQL each built-in rule runs, as text, for docs/sql/ (reviewers read the SQL; a test
 * keeps the files up to date: npm run generate:sql): `<code>.<dialect>.sql` for a full scan
 * and, when an incremental scan runs another statement, `<code>.incremental.<dialect>.sql`.
 */

const formatterLanguage = { sqlite: 'sqlite', postgres: 'postgresql' } as const;

const withoutSpace = (text: string): string => text.replace(/\s+/g, '');

/** The statement laid out by sql-formatter, which may change its whitespace and nothing else. */
function laidOut(statement: string, dialect: Dialect, name: string): string {
  const text = format(statement, {
    language: formatterLanguage[dialect],
    keywordCase: 'preserve',
    tabWidth: 2,
  });
  if (withoutSpace(text) !== withoutSpace(statement))
    throw new Error(`sql-formatter changed more than the layout of ${name}`);
  return text;
}

export function ruleSnapshots(
  rules: readonly BuiltinRule[] = builtinRules,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rule of rules)
    for (const dialect of ruleDialects) {
      const title = `-- ${rule.code} ${rule.name.zh} (${rule.name.en})`;
      const full = ruleStatement(rule, dialect, false);
      const incremental = ruleStatement(rule, dialect, true);
      const differs =
        incremental.sql !== full.sql ||
        JSON.stringify(incremental.parameters) !== JSON.stringify(full.parameters);
      const fullName = `${rule.code}.${dialect}.sql`;
      files[fullName] =
        `${title}: a full scan of 431226 (scan 1), as ${dialect} runs it.\n` +
        (differs ? '' : '-- An incremental scan runs the same statement.\n') +
        `-- Parameters: ${JSON.stringify(full.parameters)}\n` +
        `${laidOut(full.sql, dialect, fullName)}\n`;
      if (!differs) continue;
      const incrementalName = `${rule.code}.incremental.${dialect}.sql`;
      files[incrementalName] =
        `${title}: an incremental scan of 431226 (scan 1), as ${dialect} runs it.\n` +
        `-- It reads the payments it re-checks from their copy (scan_payments_1) and the people\n` +
        `-- it re-checks from scan_subjects.\n` +
        `-- Parameters: ${JSON.stringify(incremental.parameters)}\n` +
        `${laidOut(incremental.sql, dialect, incrementalName)}\n`;
    }
  return files;
}
