import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { testCounty } from '../../test/helpers/server.js';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { claimJob, endAttempt, insertJob } from '../jobs/jobsRepository.js';
import { cleanupAbandonedImports } from './abandonedImports.js';
import {
  findImportJob,
  importLimits,
  queueImport,
  queuePosition,
  reserveImport,
  reserveUpload,
} from './importJobs.js';
import { newUploadPath, uploadsDirectory } from './uploadFiles.js';

/** An upload named as a process that has just ended would have named it. */
function deadUpload(ctx: AppContext): string {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const [host, , ...rest] = path.basename(newUploadPath(ctx)).split('-');
  const file = path.join(uploadsDirectory(ctx), [host, pid.stdout.toString(), ...rest].join('-'));
  fs.writeFileSync(file, '身份证号,姓名\n');
  return file;
}

/** An import another process queued: only its row is here. */
function queuedElsewhere(ctx: AppContext, ownerId: number, upload = 'elsewhere.upload') {
  return auditedWrite(ctx, systemActor, (scope) =>
    insertJob(scope, {
      kind: 'import',
      payload: {
        dataset: 'disbursements',
        fileName: '别处.csv',
        upload,
        actor: { id: ownerId, name: 'clerk' },
        jurisdiction: testCounty,
      },
      maxAttempts: 3,
      ownerId,
      jurisdictionCode: testCounty,
    }),
  );
}

describeForEachDatabase('import jobs', (current) => {
  it('counts the limits from the jobs table, so that other processes’ imports count too', async () => {
    const ctx = current();
    const limits = { running: 1, waiting: 2, perUser: 2 };
    const first = await createTestUser(ctx, { role: 'clerk' });
    const second = await createTestUser(ctx, { role: 'clerk' });
    await queuedElsewhere(ctx, first.id);
    await queuedElsewhere(ctx, first.id);
    await expect(reserveUpload(ctx, first.id, limits)).rejects.toMatchObject({
      code: 'IMPORTS_PER_USER',
      params: { count: 2 },
    });
    // A place whose job is written while it is still held is counted once.
    const held = await reserveUpload(ctx, second.id, limits);
    const job = await queueImport(
      ctx,
      held,
      { id: second.id, name: second.username },
      {
        dataset: 'disbursements',
        fileName: '三月.csv',
        uploadPath: newUploadPath(ctx),
        jurisdiction: testCounty,
      },
    );
    const third = await createTestUser(ctx, { role: 'clerk' });
    await expect(reserveUpload(ctx, third.id, limits)).rejects.toMatchObject({
      code: 'IMPORTS_BUSY',
      params: { count: 3 },
    });
    held.release();
    expect(await queuePosition(ctx, job)).toBe(3);

    // An import that ends gives its place back, wherever it ran.
    const taken = await claimJob(ctx.handle, {
      owner: 'other:1:a',
      leaseMs: 60_000,
      kinds: ['import'],
      limits: new Map(),
    });
    await endAttempt(ctx.handle.db, taken!.id, 'other:1:a', {
      state: 'failed',
      error: { code: null, message: { zh: 'disk I/O error', en: 'disk I/O error' } },
    });
    const place = await reserveUpload(ctx, third.id, limits);
    place.release();
    expect(await queuePosition(ctx, job)).toBe(2);
    // An error that is not Jiandu's own reaches the clerk as a plain sentence.
    expect(await findImportJob(ctx, taken!.id)).toMatchObject({
      state: 'failed',
      error: { code: 'INTERNAL', message: { zh: '导入失败，请联系管理员' } },
    });
    // Another kind's job is not an import.
    const scan = await auditedWrite(ctx, systemActor, (scope) =>
      insertJob(scope, { kind: 'scan', payload: {}, maxAttempts: 1 }),
    );
    expect(await findImportJob(ctx, scan.id)).toBe(undefined);
    // This process's places count before any row exists.
    const local = reserveImport(third.id, importLimits(ctx.config));
    await expect(
      reserveUpload(ctx, third.id, { running: 1, waiting: 9, perUser: 1 }),
    ).rejects.toMatchObject({ code: 'IMPORTS_PER_USER', params: { count: 1 } });
    local.release();
  });

  it('keeps an upload that a job still needs, even one its dead process left', async () => {
    const ctx = current();
    const owner = await createTestUser(ctx, { role: 'clerk' });
    const needed = deadUpload(ctx);
    const orphan = deadUpload(ctx);
    await queuedElsewhere(ctx, owner.id, path.basename(needed));
    await cleanupAbandonedImports(ctx);
    expect(fs.existsSync(needed)).toBe(true);
    expect(fs.existsSync(orphan)).toBe(false);
  });
});
