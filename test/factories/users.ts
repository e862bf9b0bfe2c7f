import type { AppContext } from '../../src/appContext.js';
import { systemActor } from '../../src/audit/actor.js';
import { auditedWrite } from '../../src/audit/auditedWrite.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { insertUser, type UserRow } from '../../src/auth/usersRepository.js';
import type { Role } from '../../src/api/roles.js';

export const testPassword = 'Jiandu-test-2026';

let counter = 0;
let cachedHash: Promise<string> | null = null;

/** A user with a known password (hashed once per run: argon2 is slow on purpose). */
export async function createTestUser(
  ctx: AppContext,
  overrides: Partial<{
    username: string;
    displayName: string;
    role: Role;
    jurisdictionCode: string;
    mustChangePassword: boolean;
  }> = {},
): Promise<UserRow> {
  counter += 1;
  cachedHash ??= hashPassword(testPassword);
  const passwordHash = await cachedHash;
  return auditedWrite(ctx, systemActor, (scope) =>
    insertUser(scope, {
      username: overrides.username ?? `user${counter}`,
      displayName: overrides.displayName ?? `测试用户${counter}`,
      role: overrides.role ?? 'admin',
      jurisdictionCode: overrides.jurisdictionCode ?? '431226000000',
      passwordHash,
      mustChangePassword: overrides.mustChangePassword ?? false,
    }),
  );
}
