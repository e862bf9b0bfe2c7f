import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../migrationTools.js';

/**
 * A scan's working tables (its subjects, their months and its hits) live only while the scan
 * runs, and a scan that a crash interrupts is marked failed and its rows removed: on
 * PostgreSQL they need no write-ahead log. An incremental scan writes some 30,000 rows to
 * them. (SQLite has no such tables; its scan copy is a temporary table already.)
 */
export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of ['scan_subjects', 'scan_periods', 'scan_hits'])
    await sql`alter table ${sql.table(table)} set unlogged`.execute(db);
}
