import { sql } from 'kysely';
import type { MigrationDb } from '../migrationTools.js';

/**
 * How many of a batch's quarantined rows a later fix file brought in (in a batch of its own):
 * they stay counted as quarantined in the batch they came from, so its counts still add up.
 * Before, the count of quarantined rows was lowered instead ("读取 5 接收 2 隔离 0").
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('ingest_batches')
    .addColumn('fixed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update ingest_batches set fixed = (
      select count(*) from ingest_quarantine q
      where q.batch_id = ingest_batches.id and q.resolved_batch_id is not null)`.execute(db);
  await sql`update ingest_batches set quarantined = (
      select count(*) from ingest_quarantine q where q.batch_id = ingest_batches.id)
    where fixed > 0 and status <> 'pending'`.execute(db);
}
