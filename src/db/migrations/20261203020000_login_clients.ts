import type { MigrationDb } from '../migrationTools.js';

/**
 * Failed sign-ins per client address: a client that keeps failing (whatever the user names
 * it tries) waits longer and longer before its next attempt is looked at, while the account
 * it attacks only backs off for a bounded time (`users.locked_until` is the account's next
 * allowed attempt). Rows are forgotten a while after the client's last failure.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('login_clients')
    .addColumn('client', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_clients_last_failure')
    .on('login_clients')
    .column('last_failure_at')
    .execute();
}
