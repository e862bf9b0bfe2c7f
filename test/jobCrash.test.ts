import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { systemActor } from '../src/audit/actor.js';
import type { DbHandle } from '../src/db/openDatabase.js';
import { importLimits, queueImport, reserveImport } from '../src/ingest/importJobs.js';
import { newUploadPath, uploadsDirectory } from '../src/ingest/uploadFiles.js';
import { findJob } from '../src/jobs/jobsRepository.js';
import { JobWorker } from '../src/jobs/jobWorker.js';
import { jobTasks } from '../src/jobTasks.js';
import { loadJurisdiction } from '../src/jurisdiction/loadJurisdiction.js';
import { writeBulkPayments } from './factories/bulkPayments.js';
import { createTestUser } from './factories/users.js';
import { repoRoot } from './helpers/cli.js';
import { createTestContext } from './helpers/databases.js';
import { testCounty } from './helpers/server.js';

/**
 * A worker process killed without warning while it imports an upload: once its lease runs
 * out, another worker takes the job up, discards the dead attempt's half batch and imports
 * the file whole, once. On PostgreSQL, where several processes share the jobs.
 */
const rows = 200_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid of a process that has just ended. */
function deadPid(): string {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return child.stdout.toString();
}

async function count(handle: DbHandle): Promise<number> {
  const row = await handle.db
    .selectFrom('ds_disbursements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe.skipIf(!inject('pgTemplate'))('a worker killed holding an import job [postgres]', () => {
  it('leaves the job to another worker, which imports the batch once and no half of it', async () => {
    const ctx = await createTestContext('postgres');
    try {
      await loadJurisdiction(ctx, systemActor, testCounty);
      const clerk = await createTestUser(ctx, { role: 'clerk' });
      // Saved by a server that died since (its pid is in the name): the job still needs it.
      const [host, , ...rest] = path.basename(newUploadPath(ctx)).split('-');
      const upload = path.join(uploadsDirectory(ctx), [host, deadPid(), ...rest].join('-'));
      await writeBulkPayments(upload, rows, { prefix: 'JOB' });
      const ticket = reserveImport(clerk.id, importLimits(ctx.config));
      const job = await queueImport(
        ctx,
        ticket,
        { id: clerk.id, name: clerk.username },
        {
          dataset: 'disbursements',
          fileName: '全年发放.csv',
          uploadPath: upload,
          jurisdiction: testCounty,
        },
      );
      ticket.release();

      const target = ctx.handle.target.kind === 'postgres' ? ctx.handle.target.url : '';
      const child = spawn(
        'npx',
        [
          'tsx',
          path.join('test', 'helpers', 'jobWorkerProcess.ts'),
          target,
          ctx.config.dataDir!,
          '2000',
        ],
        // Its own process group: npx and tsx each start a process under it, all killed at once.
        { cwd: repoRoot, detached: true, stdio: 'ignore' },
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const deadline = Date.now() + 90_000;
      while ((await count(ctx.handle)) === 0) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error('the worker never started writing');
        await sleep(50);
      }
      process.kill(-child.pid!, 'SIGKILL');
      await exited;

      const held = (await findJob(ctx.handle.db, job.id))!;
      expect(held).toMatchObject({ state: 'running', attempts: 1 });
      const written = await count(ctx.handle);
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(rows);
      expect(fs.existsSync(upload)).toBe(true);

      const worker = new JobWorker(ctx, jobTasks, { pollMs: 200 });
      worker.start();
      try {
        let row = held;
        while (row.state !== 'done' && row.state !== 'failed') {
          if (Date.now() > deadline + 120_000) throw new Error('the job was not taken up');
          await sleep(200);
          row = (await findJob(ctx.handle.db, job.id))!;
        }
        expect(row).toMatchObject({ state: 'done', attempts: 2, lease_owner: worker.owner });
      } finally {
        await worker.stop();
      }
      const batches = await ctx.handle.db
        .selectFrom('ingest_batches')
        .select(['status', 'accepted'])
        .orderBy('id')
        .execute();
      expect(batches).toEqual([
        { status: 'failed', accepted: 0 },
        { status: 'pending', accepted: rows },
      ]);
      expect(await count(ctx.handle)).toBe(rows);
      expect(fs.existsSync(upload)).toBe(false);
    } finally {
      await ctx.destroy();
    }
  }, 300_000);
});
