import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import type { Dialect } from '../db/openDatabase.js';
import type { Database as Schema } from '../db/schema.js';
import type { BuiltinRule } from './builtinRule.js';
import { ruleHitsInsert } from './ruleHitsInsert.js';

/** Kysely instances that compile statements without a database. */
const compilers: Record<Dialect, Kysely<Schema>> = {
  sqlite: new Kysely<Schema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

export const ruleDialects: readonly Dialect[] = ['sqlite', 'postgres'];

/**
 * The statement a rule runs (ruleHitsInsert) in a scan of county 431226 (scan 1) on
 * 2025-01-15 with the rule's default parameters: what docs/sql shows and the release digest
 * hashes.
 */
export function ruleStatement(
  rule: Pick<BuiltinRule, 'queries' | 'params'>,
  dialect: Dialect,
  incremental: boolean,
): CompiledQuery {
  return ruleHitsInsert(rule, {
    dialect,
    scanId: 1,
    prefix: '431226',
    incremental,
    params: rule.params,
    today: '2025-01-15',
  }).compile(compilers[dialect]);
}
