import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { findUserByUsername, insertUser } from './usersRepository.js';

export const builtInAdministrator = 'admin';

/**
 * Creates the built-in administrator for the deployment's jurisdiction if there is none.
 * Returns the one-time password (shown once, changed at first sign-in), or null if the
 * administrator already exists.
 */
export async function createAdministrator(
  ctx: AppContext,
  jurisdictionCode: string,
): Promise<string | null> {
  if (await findUserByUsername(ctx.handle.db, builtInAdministrator)) return null;
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  await auditedWrite(ctx, systemActor, (scope) =>
    insertUser(scope, {
      username: builtInAdministrator,
      displayName: '系统管理员',
      role: 'admin',
      jurisdictionCode,
      passwordHash,
      mustChangePassword: true,
    }),
  );
  return password;
}
