import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { builtInAdministrator } from './createAdministrator.js';
import { writeOneTimePasswordFile } from './oneTimePasswordFile.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { inScope, type Scope } from './scope.js';
import { deleteOtherSessions } from './sessionsRepository.js';
import { findUserByUsername, setPassword } from './usersRepository.js';

/** Gives a user a new one-time password (the operator's way back in); their sessions end. */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  actorScope: Scope,
  username: string,
): Promise<string> {
  const row = await findUserByUsername(ctx.handle.db, username);
  if (!row || !inScope(actorScope, row.jurisdiction_code))
    throw new JianduError('USER_NOT_FOUND', { user: username });
  const oneTimePassword = generateOneTimePassword();
  const hash = await hashPassword(oneTimePassword);
  await auditedWrite(ctx, actor, async (scope) => {
    await setPassword(scope, row, hash, true, 'user.reset_password');
    await deleteOtherSessions(scope, row.id, null);
  });
  if (row.username === builtInAdministrator) writeOneTimePasswordFile(ctx, oneTimePassword);
  return oneTimePassword;
}
