import { sql } from 'kysely';
import type { MigrationDb } from '../migrationTools.js';

/**
 * Residents found by village and name, as written or by its pinyin: R10 asks who in the
 * payment's village bears the account holder's name. With the village index alone each
 * question read the village's thousands of residents, and PostgreSQL chose to hash every
 * resident instead.
 */
export async function up(db: MigrationDb): Promise<void> {
  for (const column of ['name_fold', 'name_pinyin']) {
    await db.schema
      .createIndex(`ds_residents_live_village_${column}`)
      .on('ds_residents')
      .columns(['village_code', column])
      .where(sql.ref('live'), '=', 1)
      .execute();
  }
}
