import { sql, type Kysely, type Selectable } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Database } from '../db/schema.js';
import type { Role } from '../api/roles.js';
import type { UserTable } from './authTables.js';
import { inScopeSql, type Scope } from './scope.js';
import type { SessionUser } from './sessionUser.js';

export type UserRow = Selectable<UserTable>;

/** What may leave the auth module about a user: everything but the password hash. */
export interface UserSummary extends SessionUser {
  /** Name of the user's division, e.g. 锦和镇. */
  jurisdictionName: string;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    jurisdictionCode: row.jurisdiction_code,
    mustChangePassword: row.must_change_password === 1,
  };
}

export function toUserSummary(row: UserRow & { jurisdiction_name?: string | null }): UserSummary {
  return {
    ...toSessionUser(row),
    jurisdictionName: row.jurisdiction_name ?? row.jurisdiction_code,
    active: row.active === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** Audit-safe view of a user row: the hash never enters the trail. */
function auditView(row: Partial<UserRow>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'password_hash'));
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', normaliseUsername(username))
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

function withDivisionName(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('divisions', 'divisions.code', 'users.jurisdiction_code')
    .selectAll('users')
    .select('divisions.name as jurisdiction_name');
}

export async function listUsers(db: Kysely<Database>, scope: Scope): Promise<UserSummary[]> {
  const rows = await withDivisionName(db)
    .where(inScopeSql('users.jurisdiction_code', scope))
    .orderBy('users.jurisdiction_code')
    .orderBy('users.username')
    .execute();
  return rows.map(toUserSummary);
}

export async function findUserInScope(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<UserSummary | undefined> {
  const row = await withDivisionName(db)
    .where('users.id', '=', id)
    .where(inScopeSql('users.jurisdiction_code', scope))
    .executeTakeFirst();
  return row ? toUserSummary(row) : undefined;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function insertUser({ tx, audit }: WriteScope, input: NewUser): Promise<UserRow> {
  const now = new Date().toISOString();
  const row = await tx
    .insertInto('users')
    .values({
      username: normaliseUsername(input.username),
      display_name: input.displayName,
      role: input.role,
      jurisdiction_code: input.jurisdictionCode,
      password_hash: input.passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: 'user.create',
    entity: 'user',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: auditView(row),
  });
  return row;
}

export async function setPassword(
  { tx, audit }: WriteScope,
  user: UserRow,
  passwordHash: string,
  mustChange: boolean,
  action: 'user.change_password' | 'user.reset_password',
): Promise<void> {
  const now = new Date().toISOString();
  await tx
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', user.id)
    .execute();
  await audit({
    action,
    entity: 'user',
    ids: [user.id],
    jurisdictionCode: user.jurisdiction_code,
    before: { must_change_password: user.must_change_password },
    after: { must_change_password: mustChange ? 1 : 0 },
  });
}

/**
 * One more wrong password for the user, counted in the database (`failed_logins + 1`), so
 * that parallel attempts cannot overwrite each other's count. The count starts again once
 * the account's last back-off ended before `forgetBefore`. `nextAttemptAt` turns the count
 * into the end of the account's back-off (null: none yet); the back-off only ever grows.
 */
export async function recordLoginFailure(
  { tx, audit }: WriteScope,
  user: UserRow,
  options: {
    forgetBefore: string;
    nextAttemptAt: (failures: number) => string | null;
    client: string | null;
  },
): Promise<{ failures: number; lockedUntil: string | null }> {
  const counted = await tx
    .updateTable('users')
    .set({
      failed_logins: sql<number>`case when locked_until is not null and locked_until < ${options.forgetBefore} then 1 else failed_logins + 1 end`,
    })
    .where('id', '=', user.id)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
  const failures = counted.failed_logins;
  const until = options.nextAttemptAt(failures);
  if (until) {
    await tx
      .updateTable('users')
      .set({ locked_until: until })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
      .execute();
  }
  await audit({
    action: until ? 'auth.lock' : 'auth.login_failed',
    entity: 'user',
    ids: [user.id],
    jurisdictionCode: user.jurisdiction_code,
    after: { failed_logins: failures, locked_until: until, client: options.client },
  });
  return { failures, lockedUntil: until };
}

/** An attempt refused unseen because the account is backing off: recorded, nothing counted. */
export async function recordLoginRefused(
  { audit }: WriteScope,
  user: UserRow,
  client: string | null,
): Promise<void> {
  await audit({
    action: 'auth.login_refused',
    entity: 'user',
    ids: [user.id],
    jurisdictionCode: user.jurisdiction_code,
    after: { locked_until: user.locked_until, client },
  });
}

export async function recordLoginSuccess({ tx }: WriteScope, user: UserRow): Promise<void> {
  await tx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: new Date().toISOString() })
    .where('id', '=', user.id)
    .execute();
}
