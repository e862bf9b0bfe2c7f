import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type Dialect as KyselyDialect,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.js';
import { isLive, setLive } from './liveRows.js';

// Kysely instances that only compile, so the test needs no database.
function compiler(dialect: 'sqlite' | 'postgres'): Kysely<Database> {
  const kysely: KyselyDialect =
    dialect === 'sqlite'
      ? {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new SqliteIntrospector(db),
          createQueryCompiler: () => new SqliteQueryCompiler(),
        }
      : {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new PostgresIntrospector(db),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        };
  return new Kysely<Database>({ dialect: kysely });
}

describe.each(['sqlite', 'postgres'] as const)('live rows on %s', (dialect) => {
  const db = compiler(dialect);
  const text = (query: { compile: (db: Kysely<Database>) => { sql: string } }): string =>
    query.compile(db).sql;

  it('renders the condition as the partial indexes state it, with no parameter', () => {
    expect(text(sql`where ${isLive()}`)).toBe('where live = 1');
    expect(text(sql`where ${isLive('r')} and ${isLive('rel_2')}`)).toBe(
      'where r.live = 1 and rel_2.live = 1',
    );
    expect(sql`${isLive('r')}`.compile(db).parameters).toEqual([]);
  });

  it('renders the assignments that make rows live and take them out', () => {
    expect(text(sql`update t set ${setLive(true)}`)).toBe('update t set live = 1');
    expect(text(sql`update t set ${setLive(false)}, x = 1`)).toBe('update t set live = 0, x = 1');
  });

  it('serves the query builder too', () => {
    const query = db.selectFrom('ds_programs').select('program_code').where(isLive());
    const compiled = query.compile();
    expect(compiled.sql).toMatch(/ where live = 1$/);
    expect(compiled.parameters).toEqual([]);
  });
});

describe('isLive', () => {
  it('refuses anything but a plain lower-case alias, since the alias goes into the SQL as is', () => {
    for (const alias of ['', 'R', '1r', 'r.x', 'r; drop table t', 'r live', '"r"'])
      expect(() => isLive(alias), alias).toThrow(/Not a table alias/);
  });
});
