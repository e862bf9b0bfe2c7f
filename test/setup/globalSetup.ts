import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/openDatabase.js';
import { isStaleTestDatabase, pgAdminUrl, pgUrlFor, testDatabaseName } from '../helpers/pgUrls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of a migrated template database, or '' when PostgreSQL tests are skipped. */
    pgTemplate: string;
    pgSkipReason: string;
  }
}

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Prepares one migrated PostgreSQL template database for the whole run; each test file
 * copies it (CREATE DATABASE … TEMPLATE). In CI (CI=true) PostgreSQL is required.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const admin = pgAdminUrl();
  const problem = await reachable(admin);
  if (problem) {
    const reason =
      `PostgreSQL at ${admin} is not reachable (${problem}). PostgreSQL tests are skipped; ` +
      'start it with "pg_ctlcluster 15 main start" or set JIANDU_TEST_PG_URL to enable them.';
    if (process.env.CI === 'true')
      throw new Error(`In CI the PostgreSQL tests must run: ${reason}`);
    console.warn(`\n[jiandu] ${reason}\n`);
    project.provide('pgTemplate', '');
    project.provide('pgSkipReason', reason);
    return () => Promise.resolve();
  }
  const template = testDatabaseName('tpl');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${template}`);
  await client.query(`create database ${template}`);
  const handle = await openDatabase({ kind: 'postgres', url: pgUrlFor(template) }, { poolSize: 1 });
  await migrateToLatest(handle);
  await handle.close();
  // Leftovers of runs that were killed: test databases created more than six hours ago.
  const names = await client.query<{ datname: string }>(
    `select datname from pg_database where datname ~ '^jiandu_(t|tpl)_[0-9]+_'`,
  );
  for (const { datname } of names.rows) {
    if (isStaleTestDatabase(datname, 6 * 3600)) {
      await client.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    }
  }
  project.provide('pgTemplate', template);
  project.provide('pgSkipReason', '');
  return async () => {
    await client.query(`drop database if exists ${template} with (force)`);
    await client.end();
  };
}
