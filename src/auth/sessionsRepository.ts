import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Database } from '../db/schema.js';
import type { UserRow } from './usersRepository.js';

/** Only a hash of the token is stored: a copy of the database cannot be used to sign in. */
export function sessionId(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
  hours: number;
}

export async function createSession(
  { tx, audit }: WriteScope,
  user: UserRow,
  meta: SessionMeta,
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  await tx
    .insertInto('sessions')
    .values({
      id: sessionId(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + meta.hours * 3600_000).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 200) ?? null,
    })
    .execute();
  await audit({
    action: 'auth.login',
    entity: 'user',
    ids: [user.id],
    jurisdictionCode: user.jurisdiction_code,
    after: { ip: meta.ip },
  });
  return token;
}

/** The live session's user, or undefined when the token is unknown, expired or the user inactive. */
export async function findSessionUser(
  db: Kysely<Database>,
  token: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', sessionId(token))
    .where('sessions.expires_at', '>', new Date().toISOString())
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

export async function deleteSession(
  { tx, audit }: WriteScope,
  token: string,
  user: UserRow,
): Promise<void> {
  await tx.deleteFrom('sessions').where('id', '=', sessionId(token)).execute();
  await audit({
    action: 'auth.logout',
    entity: 'user',
    ids: [user.id],
    jurisdictionCode: user.jurisdiction_code,
  });
}

/** Ends every other session of the user (after a password change). */
export async function deleteOtherSessions(
  { tx }: WriteScope,
  userId: number,
  keepToken: string | null,
): Promise<void> {
  let query = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) query = query.where('id', '<>', sessionId(keepToken));
  await query.execute();
}

/** Housekeeping: expired sessions are not history, they go. */
export async function deleteExpiredSessions(scope: WriteScope): Promise<number> {
  const result = await scope.tx
    .deleteFrom('sessions')
    .where('expires_at', '<=', new Date().toISOString())
    .executeTakeFirst();
  const count = Number(result.numDeletedRows);
  await scope.audit({
    action: 'auth.expire_sessions',
    entity: 'session',
    ids: [],
    after: { deleted: count },
  });
  return count;
}
