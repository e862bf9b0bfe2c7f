import { sql } from 'kysely';
import type { MigrationDb } from '../migrationTools.js';

/**
 * Work done in the background (imports of uploads, scans after a review, and later deadline
 * checks, reports and notifications), kept in the database so that a restart does not forget
 * it and every process sees it. A worker takes a due job with a lease; a job whose lease ran
 * out (its process died) is taken up again by another. Times are ISO text, as elsewhere.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('serial_key', 'text')
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('jurisdiction_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .addColumn('progress', 'text')
    .addColumn('result', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_after']).execute();
  await db.schema
    .createIndex('jobs_kind_state')
    .on('jobs')
    .columns(['kind', 'state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('jobs_serial_key')
    .on('jobs')
    .columns(['serial_key', 'state'])
    .where(sql.ref('serial_key'), 'is not', null)
    .execute();
}
