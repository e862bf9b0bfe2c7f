import { sql } from 'kysely';
import type { MigrationDb } from '../migrationTools.js';

/**
 * A business row found from the row of one of its people (R07 joins them by batch and row
 * number). Without it SQLite either builds an index for every statement or reads every live
 * business once per person.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('ds_businesses_live_batch_row')
    .on('ds_businesses')
    .columns(['batch_id', 'row_number'])
    .where(sql.ref('live'), '=', 1)
    .execute();
}
