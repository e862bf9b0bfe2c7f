import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteDialect,
  type Dialect as KyselyDialect,
} from 'kysely';
import type { Database as Schema } from '../db/schema.js';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import { ruleHitsInsert } from './ruleHitsInsert.js';

/**
 * The SQL each built-in rule runs, as text, for docs/sql/ (reviewers read the SQL; a test
 * keeps the files up to date: npm run generate:sql).
 */
const postgresForCompiling: KyselyDialect = {
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => new DummyDriver(),
  createIntrospector: (db) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
};

export function ruleSnapshots(
  rules: readonly BuiltinRule[] = builtinRules,
): Record<string, string> {
  const raw = new Database(':memory:');
  const compilers = {
    sqlite: new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) }),
    postgres: new Kysely<Schema>({ dialect: postgresForCompiling }),
  };
  const files: Record<string, string> = {};
  for (const rule of rules) {
    for (const [dialect, compiler] of Object.entries(compilers)) {
      const compiled = ruleHitsInsert(rule, {
        dialect: dialect === 'postgres' ? 'postgres' : 'sqlite',
        scanId: 1,
        prefix: '431226',
        incremental: false,
        params: rule.params,
        today: '2025-01-15',
      }).compile(compiler);
      files[`${rule.code}.${dialect}.sql`] =
        `-- ${rule.code} ${rule.name.zh} (${rule.name.en}): a full scan of 431226 (scan 1), as ${dialect} runs it.\n` +
        `-- Parameters: ${JSON.stringify(compiled.parameters)}\n${compiled.sql.replace(/\s+\n/g, '\n')}\n`;
    }
  }
  raw.close();
  return files;
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
        ruleSnapshots(rules),
        rules.map((r) => [r.code, r.severity, r.explain.toString()]),
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  if (rules === builtinRules) releaseDigest = digest;
  return digest;
}
