import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { testCounty } from '../../test/helpers/server.js';
import { systemActor } from '../audit/actor.js';
import { claimJob, endAttempt } from '../jobs/jobsRepository.js';
import { InlineJobRunner } from '../jobs/jobWorker.js';
import { jobTasks } from '../jobTasks.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { requestScan, scanState } from './scanQueue.js';

const township = '431226101000';
const clerk = { id: null, name: 'clerk1' };

describeForEachDatabase('the scan queue', (current) => {
  it('joins a burst of requests into one waiting scan, full if any asked for full', async () => {
    const ctx = current();
    const first = await requestScan(ctx, testCounty, 'incremental', clerk);
    for (const kind of ['incremental', 'full', 'incremental'] as const) {
      expect((await requestScan(ctx, testCounty, kind, clerk)).id).toBe(first.id);
    }
    // Another jurisdiction's scan is a scan of its own.
    expect((await requestScan(ctx, township, 'incremental', clerk)).id).not.toBe(first.id);
    const jobs = await ctx.handle.db
      .selectFrom('jobs')
      .select(['payload', 'serial_key'])
      .orderBy('serial_key')
      .execute();
    expect(
      jobs.map((j) => [j.serial_key, (JSON.parse(j.payload) as { kind: string }).kind]),
    ).toEqual([
      [`scan:${testCounty}`, 'full'],
      [`scan:${township}`, 'incremental'],
    ]);
    const audited = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'job.%')
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'job.queue',
      'job.join',
      'job.join',
      'job.join',
      'job.queue',
    ]);
  });

  it('tells whether a scan runs or waits, in every process, and the last one’s error', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, testCounty);
    expect(await scanState(ctx, [township, testCounty])).toEqual({
      running: false,
      queued: false,
      lastError: null,
    });
    const running = await requestScan(ctx, testCounty, 'full', systemActor);
    const other = { owner: 'other:1:a', kinds: ['scan'], limits: new Map<string, number>() };
    await claimJob(ctx.handle, { ...other, leaseMs: 60_000 });
    // Running: a new request waits behind it rather than joining it.
    const next = await requestScan(ctx, testCounty, 'incremental', systemActor);
    expect(next.id).not.toBe(running.id);
    expect(await scanState(ctx, [township, testCounty])).toEqual({
      running: true,
      queued: true,
      lastError: null,
    });
    await endAttempt(ctx.handle.db, running.id, other.owner, {
      state: 'failed',
      error: { code: 'INTERNAL', message: { zh: '比对失败', en: 'scan failed' } },
    });
    expect(await scanState(ctx, [township, testCounty])).toEqual({
      running: false,
      queued: true,
      lastError: '比对失败',
    });
    // The next one runs (here, inline) and succeeds: the error is no longer the last word.
    expect(await new InlineJobRunner(ctx, jobTasks).wake()).toEqual([next.id]);
    expect(await scanState(ctx, [township, testCounty])).toEqual({
      running: false,
      queued: false,
      lastError: null,
    });
    // A scan whose worker died waits to be taken up again.
    const orphan = await requestScan(ctx, testCounty, 'incremental', systemActor);
    expect((await claimJob(ctx.handle, { ...other, leaseMs: 1 }))?.id).toBe(orphan.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(await scanState(ctx, [testCounty])).toMatchObject({ running: false, queued: true });
  });
});
