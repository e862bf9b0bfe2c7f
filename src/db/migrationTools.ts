import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/** Helpers that let one migration serve SQLite and PostgreSQL. */

export type MigrationDb = Kysely<unknown>;

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-numbered integer primary key: `serial` on PostgreSQL, rowid alias on SQLite. */
export function idColumnType(db: MigrationDb): 'serial' | 'integer' {
  return isPostgres(db) ? 'serial' : 'integer';
}

export function idColumn(db: MigrationDb) {
  return (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    isPostgres(db) ? col.primaryKey() : col.primaryKey().autoIncrement();
}

/** Makes a table append-only: any UPDATE or DELETE fails with the given message. */
export async function forbidUpdateAndDelete(
  db: MigrationDb,
  table: string,
  message: string,
): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(
        `create or replace function ${table}_append_only() returns trigger language plpgsql as $$
         begin raise exception '${message}'; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_update before update or delete on ${table}
         for each row execute function ${table}_append_only()`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `create trigger ${table}_no_update before update on ${table} begin select raise(abort, '${message}'); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_delete before delete on ${table} begin select raise(abort, '${message}'); end`,
      )
      .execute(db);
  }
}

export type ColumnType = 'text' | 'integer' | 'bigint' | 'double precision';

/**
 * A dataset table: the columns of its template plus those every dataset shares: the batch
 * that brought the row, its line in the file, the natural key (text, and a 53-bit hash of it
 * that the index holds: integer keys cost far less to index than text), a hash of the
 * content for versions and duplicates, whether it is the live version, unknown columns and
 * quality notes. Indexes serving the rules are partial (live rows only: src/ingest/liveRows.ts
 * renders the condition), so an import (rows arrive with live = 0) does not pay for them;
 * approval does.
 */
export async function createDatasetTable(
  db: MigrationDb,
  table: string,
  columns: readonly (readonly [string, ColumnType])[],
): Promise<void> {
  let builder = db.schema
    .createTable(table)
    .addColumn('row_id', idColumnType(db), idColumn(db))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('ingest_batches.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('nk', 'text', (c) => c.notNull())
    .addColumn('nk_hash', 'bigint', (c) => c.notNull())
    .addColumn('row_hash', 'bigint', (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull().defaultTo(0));
  for (const [name, type] of columns) builder = builder.addColumn(name, type);
  await builder.addColumn('extra', 'text').addColumn('issues', 'text').execute();
  await db.schema.createIndex(`${table}_batch`).on(table).column('batch_id').execute();
  await db.schema.createIndex(`${table}_nk`).on(table).column('nk_hash').execute();
}

/**
 * The twelve dataset tables the ingest migration (20261129010000) created. Later migrations
 * that change every one of them use this list; a dataset added later is not in it, and its
 * own migration creates it complete.
 */
export const ingestDatasetTables = [
  'ds_residents',
  'ds_officials',
  'ds_relations',
  'ds_programs',
  'ds_disbursements',
  'ds_deaths',
  'ds_payroll',
  'ds_vehicles',
  'ds_properties',
  'ds_businesses',
  'ds_disabilities',
  'ds_approvals',
] as const;
