import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { loadConfig } from '../config.js';
import { JianduError } from '../core/errors.js';
import { resolveDatabaseTarget } from '../db/databaseTarget.js';
import { assertMigrated } from '../db/migrate.js';
import { openDatabase } from '../db/openDatabase.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { scopeOf, type Scope } from '../auth/scope.js';
import { builtInAdministrator } from '../auth/createAdministrator.js';
import type { Role } from '../api/roles.js';

/** Opens the database a command names (--db, JIANDU_DB, DATABASE_URL) and checks its schema. */
export async function openContext(
  dbFlag: string | undefined,
  options: { create?: boolean } = {},
): Promise<AppContext> {
  const config = loadConfig();
  const handle = await openDatabase(resolveDatabaseTarget(dbFlag), {
    create: options.create ?? false,
    busyTimeoutMs: config.busyTimeoutMs,
  });
  if (!options.create) {
    try {
      await assertMigrated(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return { handle, config };
}

/** The person a command acts for (`--as USER`, default the built-in administrator). */
export async function resolveActor(
  ctx: AppContext,
  username: string | undefined,
): Promise<{ actor: Actor; scope: Scope; role: Role }> {
  const name = username ?? builtInAdministrator;
  const user = await findUserByUsername(ctx.handle.db, name);
  if (!user || user.active !== 1) throw new JianduError('USER_NOT_FOUND', { user: name });
  return {
    actor: { id: user.id, name: user.username },
    scope: scopeOf(user.jurisdiction_code),
    role: user.role,
  };
}
