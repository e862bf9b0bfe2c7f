import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import type { AppContext } from '../../src/appContext.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase, type Dialect } from '../../src/db/openDatabase.js';
import { pgAdminUrl, pgUrlFor, testDatabaseName } from './pgUrls.js';

export interface TestContext extends AppContext {
  /** Removes the database (file or PostgreSQL database). */
  destroy: () => Promise<void>;
}

/** The databases every data-layer test runs against. */
export const dialects: Dialect[] = ['sqlite', 'postgres'];

export function postgresSkipReason(): string {
  return inject('pgSkipReason');
}

/** A fresh temporary folder under the OS temp dir, removed by the caller. */
export function tempDir(prefix = 'jiandu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, migrated database of the given kind: a new SQLite file, or a copy of the template. */
export async function createTestContext(
  dialect: Dialect,
  config: Partial<AppConfig> = {},
): Promise<TestContext> {
  const fullConfig = { ...loadConfig({}), ...config };
  if (dialect === 'sqlite') {
    const dir = tempDir();
    const handle = await openDatabase(
      { kind: 'sqlite', file: path.join(dir, 'jiandu.db') },
      { create: true },
    );
    await migrateToLatest(handle);
    return {
      handle,
      config: fullConfig,
      destroy: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const template = inject('pgTemplate');
  if (!template) throw new Error(postgresSkipReason());
  const name = testDatabaseName('t');
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ kind: 'postgres', url: pgUrlFor(name) }, { poolSize: 4 });
  // Beside PostgreSQL the data folder (uploads) is ./data unless configured: a test's own.
  const dataDir = config.dataDir === undefined ? tempDir('jiandu-data-') : null;
  return {
    handle,
    config: { ...fullConfig, dataDir: config.dataDir ?? dataDir },
    destroy: async () => {
      await handle.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: pgAdminUrl() });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Databases that can run here: PostgreSQL only when the global setup reached it. */
export function availableDialects(): Dialect[] {
  return inject('pgTemplate') ? dialects : ['sqlite'];
}

/**
 * Declares the same tests once per database, each test on a fresh migrated database.
 * PostgreSQL is skipped (with the reason printed by the global setup) only outside CI.
 */
export function describeForEachDatabase(
  title: string,
  body: (current: () => TestContext, dialect: Dialect) => void,
): void {
  for (const dialect of dialects) {
    const skipped = dialect === 'postgres' && !inject('pgTemplate');
    describe.skipIf(skipped)(`${title} [${dialect}]`, () => {
      let context: TestContext | undefined;
      beforeEach(async () => {
        context = await createTestContext(dialect);
      });
      afterEach(async () => {
        await context?.destroy();
        context = undefined;
      });
      body(() => {
        if (!context) throw new Error('no test database');
        return context;
      }, dialect);
    });
  }
}

/** A database target for a command line test: a new SQLite path or a new empty PostgreSQL database. */
export async function emptyDatabaseTarget(
  dialect: Dialect,
): Promise<{ target: string; destroy: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = tempDir();
    return {
      target: path.join(dir, 'jiandu.db'),
      destroy: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = testDatabaseName('t');
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    target: pgUrlFor(name),
    destroy: async () => {
      const client = new pg.Client({ connectionString: pgAdminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
