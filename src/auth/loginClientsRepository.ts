import { sql, type Kysely } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Database } from '../db/schema.js';

/**
 * Until when a client address must wait before its next sign-in is looked at, or null. A
 * client whose last failure is older than `forgetBefore` starts afresh.
 */
export async function clientNextAttempt(
  db: Kysely<Database>,
  client: string,
  forgetBefore: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('login_clients')
    .select(['next_attempt_at', 'last_failure_at'])
    .where('client', '=', client)
    .executeTakeFirst();
  if (!row || row.last_failure_at < forgetBefore) return null;
  return row.next_attempt_at;
}

/**
 * One more failed sign-in from the client, counted in the database (an insert or
 * `failures + 1`, atomic under parallel attempts); `nextAttemptAt` turns the count into the
 * end of the client's back-off, which only ever grows. Rows of clients quiet since
 * `forgetBefore` are removed on the way.
 */
export async function recordClientFailure(
  { tx, audit }: WriteScope,
  client: string,
  options: {
    now: string;
    forgetBefore: string;
    nextAttemptAt: (failures: number) => string | null;
  },
): Promise<{ failures: number; nextAttemptAt: string | null }> {
  await tx
    .deleteFrom('login_clients')
    .where('last_failure_at', '<', options.forgetBefore)
    .execute();
  const counted = await tx
    .insertInto('login_clients')
    .values({ client, failures: 1, next_attempt_at: null, last_failure_at: options.now })
    .onConflict((oc) =>
      oc.column('client').doUpdateSet({
        failures: sql<number>`login_clients.failures + 1`,
        last_failure_at: options.now,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  const until = options.nextAttemptAt(counted.failures);
  if (until) {
    await tx
      .updateTable('login_clients')
      .set({ next_attempt_at: until })
      .where('client', '=', client)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<', until)]))
      .execute();
  }
  await audit({
    action: until ? 'auth.client_lock' : 'auth.client_failed',
    entity: 'login_client',
    ids: [client],
    after: { failures: counted.failures, next_attempt_at: until },
  });
  return { failures: counted.failures, nextAttemptAt: until };
}

/** A client that signs in with the right password starts afresh (an office shares one address). */
export async function forgetClient({ tx }: WriteScope, client: string): Promise<void> {
  await tx.deleteFrom('login_clients').where('client', '=', client).execute();
}
