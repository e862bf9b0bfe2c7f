import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { normaliseDivisionCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import { findDivision } from '../jurisdiction/divisionsRepository.js';
import type { Role } from '../api/roles.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { assertInScope, type Scope } from './scope.js';
import {
  findUserByUsername,
  insertUser,
  toUserSummary,
  type UserSummary,
} from './usersRepository.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
}

/**
 * Creates a user inside the creator's jurisdiction, with a one-time password that must be
 * changed at first sign-in. Returns the password once; only its hash is kept.
 */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  creatorScope: Scope,
  input: CreateUserInput,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,31}$/.test(username)) {
    throw new JianduError('INVALID_USERNAME');
  }
  const code = normaliseDivisionCode(input.jurisdictionCode);
  if (!code) throw new JianduError('UNKNOWN_REGION', { code: input.jurisdictionCode });
  assertInScope(creatorScope, code);
  if (!(await findDivision(ctx.handle.db, code))) throw new JianduError('UNKNOWN_REGION', { code });
  if (await findUserByUsername(ctx.handle.db, username))
    throw new JianduError('USERNAME_TAKEN', { username });
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const row = await auditedWrite(ctx, actor, (scope) =>
    insertUser(scope, {
      username,
      displayName: input.displayName.trim() || username,
      role: input.role,
      jurisdictionCode: code,
      passwordHash,
      mustChangePassword: true,
    }),
  );
  return { user: toUserSummary(row), oneTimePassword };
}
