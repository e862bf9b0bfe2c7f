import { sql } from 'kysely';
import { ingestDatasetTables, type MigrationDb } from '../migrationTools.js';

/**
 * The natural-key index holds live rows only. Every lookup by key asks for a live row (a
 * duplicate of live data, the version a batch replaces, what approval takes out of live
 * data); rows being imported are never looked up by key one by one, and indexing them cost
 * an import a random index insert per row. Approval pays for the index as it does for the
 * rules' partial indexes.
 */
export async function up(db: MigrationDb): Promise<void> {
  for (const table of ingestDatasetTables) {
    await db.schema.dropIndex(`${table}_nk`).execute();
    await db.schema
      .createIndex(`${table}_nk`)
      .on(table)
      .column('nk_hash')
      .where(sql.ref('live'), '=', 1)
      .execute();
  }
}
