import { sql } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from '../migrationTools.js';

/**
 * A department's saved column names belong to a jurisdiction (and its source): a township
 * can no longer change how the county reads its files. Mappings saved before were for the
 * whole deployment; they become the deployment's root jurisdiction's. A batch records the
 * mapping it was read with.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('header_mappings').renameTo('header_mappings_global').execute();
  await db.schema
    .createTable('header_mappings')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('header_mappings_scope_unique', ['dataset', 'source', 'jurisdiction_code'])
    .execute();
  const root = sql`coalesce((select replace(value, '"', '') from settings
    where key = 'jurisdiction.root' and jurisdiction_code = ''), '000000000000')`;
  await sql`insert into header_mappings (dataset, source, jurisdiction_code, mapping, created_by, created_at)
    select dataset, source, ${root}, mapping, created_by, created_at from header_mappings_global`.execute(
    db,
  );
  await db.schema.dropTable('header_mappings_global').execute();
  await db.schema.alterTable('ingest_batches').addColumn('header_mapping', 'text').execute();
}
