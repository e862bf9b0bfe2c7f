import type { AppContext } from '../appContext.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { createSession } from './sessionsRepository.js';
import type { SessionUser } from './sessionUser.js';
import {
  findUserByUsername,
  recordLoginFailure,
  recordLoginSuccess,
  toSessionUser,
} from './usersRepository.js';

export const maxFailedLogins = 5;
export const lockMinutes = 15;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/** Checks the password and opens a session; five wrong passwords lock the account a while. */
export async function login(
  ctx: AppContext,
  input: LoginInput,
): Promise<{ token: string; user: SessionUser }> {
  const db = ctx.handle.db;
  const user = await findUserByUsername(db, input.username);
  if (!user || user.active !== 1) {
    await verifyPassword(await decoyHash(), input.password);
    throw new JianduError('LOGIN_FAILED');
  }
  const now = new Date();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    throw new JianduError('ACCOUNT_LOCKED', { minutes });
  }
  const actor = { id: user.id, name: user.username };
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const lock = user.failed_logins + 1 >= maxFailedLogins;
    const lockedUntil = lock ? new Date(now.getTime() + lockMinutes * 60_000).toISOString() : null;
    await auditedWrite(ctx, actor, (scope) => recordLoginFailure(scope, user, lockedUntil));
    throw lock
      ? new JianduError('ACCOUNT_LOCKED', { minutes: lockMinutes })
      : new JianduError('LOGIN_FAILED');
  }
  const token = await auditedWrite(ctx, actor, async (scope) => {
    await recordLoginSuccess(scope, user);
    return createSession(scope, user, {
      ip: input.ip,
      userAgent: input.userAgent,
      hours: ctx.config.sessionHours,
    });
  });
  return { token, user: toSessionUser(user) };
}
