import type { AppContext } from '../appContext.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.js';
import { builtInAdministrator } from './createAdministrator.js';
import { removeOneTimePasswordFile } from './oneTimePasswordFile.js';
import { deleteOtherSessions } from './sessionsRepository.js';
import { actorOf, type SessionUser } from './sessionUser.js';
import { findUserById, setPassword } from './usersRepository.js';

/** A user replaces their password (the one-time one, at first sign-in); other sessions end. */
export async function changePassword(
  ctx: AppContext,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string; keepToken: string | null },
): Promise<void> {
  const row = await findUserById(ctx.handle.db, user.id);
  if (!row) throw new JianduError('UNAUTHENTICATED');
  if (!(await verifyPassword(row.password_hash, input.currentPassword)))
    throw new JianduError('LOGIN_FAILED');
  assertStrongPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new JianduError('SAME_PASSWORD');
  }
  const hash = await hashPassword(input.newPassword);
  await auditedWrite(ctx, actorOf(user), async (scope) => {
    await setPassword(scope, row, hash, false, 'user.change_password');
    await deleteOtherSessions(scope, row.id, input.keepToken);
  });
  // The one-time password is spent: its copy on disk goes with it.
  if (row.username === builtInAdministrator) removeOneTimePasswordFile(ctx);
}
