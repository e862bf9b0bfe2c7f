import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase, tempDir } from '../../test/helpers/databases.js';
import { serverFor } from '../../test/helpers/server.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import type { AppContext } from '../appContext.js';
import { scopeOf } from '../auth/scope.js';
import { insertBatch } from './batchesRepository.js';
import { importFile } from './importFile.js';
import { insertQuarantine } from './quarantineRepository.js';
import { dataDirectory } from '../dataDirectory.js';
import { newUploadPath, removeLeftoverUploads, uploadsDirectory } from './uploadFiles.js';

/** The pid of a process that has just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** A file named as `newUploadPath` names them, but owned by another process. */
function uploadOf(ctx: AppContext, pid: number, instance?: string): string {
  const ours = path.basename(newUploadPath(ctx));
  const [host, , ownInstance, ...rest] = ours.split('-');
  const file = path.join(
    uploadsDirectory(ctx),
    [host, String(pid), instance ?? ownInstance, ...rest].join('-'),
  );
  fs.writeFileSync(file, '身份证号,姓名\n');
  return file;
}

describe('where uploads are kept', () => {
  it('beside the SQLite file, or in the configured data folder; private', () => {
    const dir = tempDir();
    try {
      const sqlite = {
        handle: { target: { kind: 'sqlite', file: path.join(dir, 'jiandu.db') } },
        config: { dataDir: null },
      } as unknown as AppContext;
      expect(uploadsDirectory(sqlite)).toBe(path.join(dir, 'uploads'));
      const postgres = {
        handle: { target: { kind: 'postgres', url: 'postgres://x@h/db' } },
        config: { dataDir: null },
      } as unknown as AppContext;
      expect(dataDirectory(postgres)).toBe(path.resolve('data'));
      const configured = { ...postgres, config: { dataDir: path.join(dir, 'elsewhere') } };
      expect(uploadsDirectory(configured as AppContext)).toBe(
        path.join(dir, 'elsewhere', 'uploads'),
      );

      fs.mkdirSync(path.join(dir, 'uploads'), { mode: 0o755 });
      const file = newUploadPath(sqlite);
      expect(path.dirname(file)).toBe(path.join(dir, 'uploads'));
      expect(fs.statSync(path.join(dir, 'uploads')).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeForEachDatabase('uploads and imports left behind', (current) => {
  it('removes what a dead process left and keeps what a live one is importing', () => {
    const ctx = current();
    const mine = newUploadPath(ctx);
    fs.writeFileSync(mine, 'x');
    const dead = uploadOf(ctx, deadPid());
    // Our pid, another instance: a server that died and whose pid this process now has.
    const reused = uploadOf(ctx, process.pid, '0123456789ab');
    const living = uploadOf(ctx, process.ppid);
    const stranger = path.join(uploadsDirectory(ctx), 'something-else');
    fs.writeFileSync(stranger, 'x');
    const old = path.join(uploadsDirectory(ctx), 'old-stranger');
    fs.writeFileSync(old, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);

    expect(removeLeftoverUploads(ctx)).toBeGreaterThanOrEqual(3);
    for (const gone of [dead, reused, old]) expect(fs.existsSync(gone)).toBe(false);
    expect(fs.readdirSync(uploadsDirectory(ctx)).sort()).toEqual(
      [mine, living, stranger].map((f) => path.basename(f)).sort(),
    );
  });

  it('clears them before an import', async () => {
    const ctx = current();
    const left = uploadOf(ctx, deadPid());
    const file = path.join(uploadsDirectory(ctx), '..', 'deaths.csv');
    const death = templateRow('deaths');
    fs.writeFileSync(
      file,
      `身份证号,姓名,死亡日期\n${death.id_number!},${death.name!},2024-03-12\n`,
    );
    const summary = await importFile(ctx, {
      dataset: 'deaths',
      filePath: file,
      actor: systemActor,
      scope: scopeOf('431226000000'),
    });
    expect(summary.accepted).toBe(1);
    expect(fs.existsSync(left)).toBe(false);
  });

  it('clears them when a server starts: the files, and the half batch of the dead import', async () => {
    const ctx = current();
    const pid = deadPid();
    const left = uploadOf(ctx, pid);
    const batch = await auditedWrite(ctx, systemActor, async (scope) => {
      const row = await insertBatch(scope, {
        dataset: 'disbursements',
        source: '县民政局',
        channel: 'file',
        fileName: '三月.csv',
        fileHash: null,
        fileBytes: null,
        format: 'csv',
        encoding: null,
        jurisdictionCode: '431226000000',
        parentBatchId: null,
        importer: `${os.hostname()}:${pid}`,
      });
      await insertQuarantine(scope.tx, row.id, [
        { rowNumber: 2, raw: { 姓名: '测试甲' }, problems: [] },
      ]);
      return row;
    });

    const server = await serverFor(ctx);
    try {
      expect(fs.existsSync(left)).toBe(false);
      const after = await ctx.handle.db
        .selectFrom('ingest_batches')
        .select(['status', 'error'])
        .where('id', '=', batch.id)
        .executeTakeFirstOrThrow();
      expect(after.status).toBe('failed');
      const quarantined = await ctx.handle.db
        .selectFrom('ingest_quarantine')
        .select('row_number')
        .where('batch_id', '=', batch.id)
        .execute();
      expect(quarantined).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
