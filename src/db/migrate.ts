import { Migrator, type MigrationProvider, type Migration } from 'kysely';
import { JianduError } from '../core/errors.js';
import { classifyDatabaseError, type DbHandle } from './openDatabase.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = {
  getMigrations: (): Promise<Record<string, Migration>> => Promise.resolve(migrations),
};

/** Kysely refuses a database that ran a migration this program does not know. */
function asNewerSchema(error: unknown): JianduError | null {
  const match =
    error instanceof Error
      ? /previously executed migration (\S+) is missing/.exec(error.message)
      : null;
  return match
    ? new JianduError('DB_NEWER_SCHEMA', { migration: match[1]! }, { cause: error })
    : null;
}

export const latestMigration = Object.keys(migrations).sort().at(-1)!;

/** Brings the schema to the latest version; returns the names of the migrations applied. */
export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider });
  try {
    const { error, results } = await migrator.migrateToLatest();
    if (error)
      throw error instanceof Error ? error : new Error('migration failed', { cause: error });
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } catch (error) {
    throw asNewerSchema(error) ?? classifyDatabaseError(error, handle.label);
  }
}

/** Fails with DB_NOT_INITIALISED unless every migration has run. */
export async function assertMigrated(handle: DbHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider });
  let pending: boolean;
  try {
    const known = await migrator.getMigrations();
    pending = known.some((m) => !m.executedAt);
  } catch (error) {
    throw asNewerSchema(error) ?? classifyDatabaseError(error, handle.label);
  }
  if (pending) throw new JianduError('DB_NOT_INITIALISED');
}
