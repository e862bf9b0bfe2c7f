import { sql } from 'kysely';
import { ingestDatasetTables, type MigrationDb } from '../migrationTools.js';

/**
 * The batch whose approval or rollback last turned a row's `live` on or off without the row
 * being its own: the version an approval replaced, the version a rollback brought back. An
 * incremental scan re-checks the people of those rows too (a corrected payment that leaves a
 * shared account changes the account's other payees). Indexed only where set, so imports do
 * not pay for it.
 */
export async function up(db: MigrationDb): Promise<void> {
  for (const table of ingestDatasetTables) {
    await db.schema.alterTable(table).addColumn('live_changed_by', 'integer').execute();
    await db.schema
      .createIndex(`${table}_live_changed_by`)
      .on(table)
      .column('live_changed_by')
      .where(sql.ref('live_changed_by'), 'is not', null)
      .execute();
  }
}
