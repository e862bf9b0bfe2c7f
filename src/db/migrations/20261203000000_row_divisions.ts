import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../migrationTools.js';

/**
 * The tables whose rows name no division of their own: a row belongs where the person it is
 * about is registered (src/ingest/rowDivision.ts). The division is found when the row is
 * imported and kept with it, so that a batch's rows can be held to its jurisdiction, shown to
 * the townships they touch, and rolled back township by township.
 */
const personTables = [
  ['ds_relations', 'official_id_number'],
  ['ds_deaths', 'id_number'],
  ['ds_payroll', 'id_number'],
  ['ds_vehicles', 'id_number'],
  ['ds_properties', 'id_number'],
  ['ds_disabilities', 'id_number'],
  ['ds_approvals', 'applicant_id_number'],
] as const;

/** Tables that name their rows' division in a column of their own. */
const columnTables = [
  ['ds_residents', 'village_code'],
  ['ds_disbursements', 'village_code'],
  ['ds_officials', 'jurisdiction_code'],
] as const;

export async function up(db: MigrationDb): Promise<void> {
  for (const [table] of [...personTables, ['ds_businesses', '']] as const) {
    await db.schema.alterTable(table).addColumn('division_code', 'text').execute();
  }
  // The divisions a batch's rows lie in (villages, or an official's area): a township's
  // administrator sees the county batches that touch the township.
  await db.schema
    .createTable('ingest_batch_divisions')
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_batch_divisions_pk', ['batch_id', 'division_code'])
    .execute();
  await db.schema
    .createIndex('ingest_batch_divisions_division')
    .on('ingest_batch_divisions')
    .columns(['division_code', 'batch_id'])
    .execute();

  // Rows already imported: their people's registry villages as they stand now.
  for (const [table, column] of personTables) {
    await sql`update ${sql.table(table)} set division_code = (
        select min(r.village_code) from ds_residents r
        where r.id_number = ${sql.ref(`${table}.${column}`)} and r.live = 1)`.execute(db);
  }
  await sql`update ds_businesses set division_code = (
      select min(r.village_code) from ds_business_people p
      join ds_residents r on r.id_number = p.id_number and r.live = 1
      where p.batch_id = ds_businesses.batch_id and p.row_number = ds_businesses.row_number)`.execute(
    db,
  );
  const divisions = [
    ...columnTables,
    ...personTables.map(([table]) => [table, 'division_code'] as const),
    ['ds_businesses', 'division_code'] as const,
  ];
  for (const [table, column] of divisions) {
    await sql`insert into ingest_batch_divisions (batch_id, division_code)
      select distinct batch_id, ${sql.ref(column)} from ${sql.table(table)}
      where ${sql.ref(column)} is not null`.execute(db);
  }
  if (isPostgres(db)) await sql`analyze ingest_batch_divisions`.execute(db);
}
