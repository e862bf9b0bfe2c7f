import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../src/audit/actor.js';
import { auditedWrite } from '../src/audit/auditedWrite.js';
import { verifyAuditChain } from '../src/audit/verifyAuditChain.js';
import { scopeOf } from '../src/auth/scope.js';
import { isJianduError } from '../src/core/errors.js';
import { importFile } from '../src/ingest/importFile.js';
import { uploadsDirectory } from '../src/ingest/uploadFiles.js';
import { writeBulkPayments } from './factories/bulkPayments.js';
import { sessionCookieFor } from './factories/sessions.js';
import { createTestUser } from './factories/users.js';
import { createTestContext, tempDir, type TestContext } from './helpers/databases.js';
import { pgAdminUrl } from './helpers/pgUrls.js';
import { serverFor } from './helpers/server.js';

/**
 * A full disk, for real: a SQLite database capped with max_page_count (SQLite then fails
 * with SQLITE_FULL and rolls the transaction back itself), and, where this process may
 * mount file systems (root), a small tmpfs for uploads and for a PostgreSQL table.
 */
const dir = tempDir('jiandu-full-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const paymentsFile = path.join(dir, 'payments.csv');

async function failureOf(work: Promise<unknown>): Promise<{ code: string; zh: string }> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJianduError(error)) throw new Error(`expected a JianduError, got ${String(error)}`);
  return { code: error.code, zh: error.text('zh') };
}

function sqliteOf(ctx: TestContext) {
  if (ctx.handle.native.kind !== 'sqlite') throw new Error('not SQLite');
  return ctx.handle.native.database;
}

/** Lets the SQLite file grow by `pages` more pages at most. */
function capSqlite(ctx: TestContext, pages: number): void {
  const database = sqliteOf(ctx);
  const count = database.pragma('page_count', { simple: true }) as number;
  database.pragma(`max_page_count = ${count + pages}`);
}

/** A small tmpfs, or why there cannot be one here. */
function mountSmallDisk(bytes: number): { dir: string; release: () => void } | string {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const mountPoint = tempDir('jiandu-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', mountPoint]);
  if (mounted.status !== 0) {
    fs.rmSync(mountPoint, { recursive: true, force: true });
    return `mount -t tmpfs failed: ${mounted.stderr.toString().trim() || mounted.error?.message}`;
  }
  return {
    dir: mountPoint,
    release: () => {
      spawnSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}

const probe = mountSmallDisk(64 * 1024);
const cannotMount = typeof probe === 'string' ? probe : null;
if (typeof probe !== 'string') probe.release();
if (cannotMount) console.warn(`\n[jiandu] tmpfs disk-full tests skipped: ${cannotMount}\n`);

async function importPayments(ctx: TestContext, rows: number) {
  if (!fs.existsSync(paymentsFile)) await writeBulkPayments(paymentsFile, 20_000);
  return importFile(ctx, {
    dataset: 'disbursements',
    filePath: paymentsFile,
    actor: systemActor,
    scope: scopeOf('431226000000'),
    fileName: `${rows}.csv`,
    useWorker: false,
  });
}

async function expectCleanFailure(ctx: TestContext): Promise<void> {
  const batches = await ctx.handle.db
    .selectFrom('ingest_batches')
    .select(['status', 'error'])
    .execute();
  expect(batches).toHaveLength(1);
  expect(batches[0]!.status).toBe('failed');
  const rows = await ctx.handle.db
    .selectFrom('ds_disbursements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(rows.n).toBe(0);
  expect((await verifyAuditChain(ctx.handle.db)).ok).toBe(true);
}

describe('a full disk [sqlite]', () => {
  it('fails a write with DISK_FULL, not with the rollback SQLite already did', async () => {
    const ctx = await createTestContext('sqlite');
    try {
      capSqlite(ctx, 4);
      const { code, zh } = await failureOf(
        auditedWrite(ctx, systemActor, ({ audit }) =>
          audit({ action: 'test.fill', entity: 'test', ids: [1], after: 'x'.repeat(1 << 20) }),
        ),
      );
      expect(code).toBe('DISK_FULL');
      expect(zh).toContain('磁盘已满');
      capSqlite(ctx, 1000);
      await auditedWrite(ctx, systemActor, ({ audit }) =>
        audit({ action: 'test.fits', entity: 'test', ids: [1] }),
      );
      expect((await verifyAuditChain(ctx.handle.db)).ok).toBe(true);
    } finally {
      await ctx.destroy();
    }
  });

  it('ends an import with DISK_FULL and a failed batch whose rows are gone', async () => {
    const ctx = await createTestContext('sqlite');
    try {
      capSqlite(ctx, 600);
      const { code, zh } = await failureOf(importPayments(ctx, 20_000));
      expect(code).toBe('DISK_FULL');
      expect(zh).toBe('服务器磁盘已满，数据没有保存；请联系管理员清理磁盘后再试');
      await expectCleanFailure(ctx);
    } finally {
      await ctx.destroy();
    }
  });
});

describe.skipIf(cannotMount !== null)('a full disk on a small tmpfs', () => {
  it('refuses an upload that does not fit, and leaves no part of it', async () => {
    const disk = mountSmallDisk(512 * 1024);
    if (typeof disk === 'string') throw new Error(disk);
    const ctx = await createTestContext('sqlite', { dataDir: disk.dir });
    try {
      const server = await serverFor(ctx);
      const cookie = await sessionCookieFor(ctx, await createTestUser(ctx, { role: 'clerk' }));
      const response = await server.inject({
        method: 'POST',
        url: '/api/imports?dataset=disbursements&fileName=big.csv',
        headers: { cookie, 'content-type': 'application/octet-stream' },
        payload: Buffer.alloc(2 * 1024 * 1024, 'a,b,c\n'),
      });
      expect(response.statusCode).toBe(507);
      expect(response.json()).toEqual({
        error: {
          code: 'DISK_FULL',
          message: '服务器磁盘已满，数据没有保存；请联系管理员清理磁盘后再试',
        },
      });
      expect(fs.readdirSync(uploadsDirectory(ctx))).toEqual([]);
      await server.close();
    } finally {
      await ctx.destroy();
      disk.release();
    }
  });

  it.skipIf(!inject('pgTemplate'))(
    'ends a PostgreSQL import with DISK_FULL (53100) when the table’s disk fills',
    async (context) => {
      const admin = new pg.Client({ connectionString: pgAdminUrl() });
      await admin.connect();
      // A tablespace needs a superuser, and a folder the server itself can write to.
      const dataDirectory = await admin
        .query<{ data_directory: string }>('show data_directory')
        .then((result) => result.rows[0]!.data_directory)
        .catch(() => null);
      if (dataDirectory === null || !fs.existsSync(dataDirectory)) {
        await admin.end();
        const reason = `PostgreSQL at ${pgAdminUrl()} is not a local server we are superuser of`;
        console.warn(`\n[jiandu] PostgreSQL disk-full test skipped: ${reason}\n`);
        return context.skip(reason);
      }
      const owner = fs.statSync(dataDirectory);
      const disk = mountSmallDisk(1024 * 1024);
      if (typeof disk === 'string') throw new Error(disk);
      fs.chownSync(disk.dir, owner.uid, owner.gid);
      const space = `jiandu_full_${process.pid}`;
      await admin.query(`create tablespace ${space} location '${disk.dir}'`);
      const ctx = await createTestContext('postgres');
      try {
        await sql`alter table ds_disbursements set tablespace ${sql.id(space)}`.execute(
          ctx.handle.db,
        );
        const { code } = await failureOf(importPayments(ctx, 20_000));
        expect(code).toBe('DISK_FULL');
        await expectCleanFailure(ctx);
      } finally {
        await ctx.destroy();
        await admin.query(`drop tablespace if exists ${space}`);
        await admin.end();
        disk.release();
      }
    },
  );
});
