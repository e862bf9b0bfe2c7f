import { Type } from '@sinclair/typebox';
import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import type { AppContext } from '../appContext.js';
import { openDatabase } from '../db/openDatabase.js';
import { claimJob, endAttempt, findJob, insertJob } from './jobsRepository.js';
import { InlineJobRunner, JobWorker } from './jobWorker.js';
import { payloadOf } from './payloadOf.js';
import { defineTask, jobRegistry, RetryLater, type JobTask } from './jobTask.js';

const echoPayload = Type.Object({ n: Type.Integer() });

/** A task whose behaviour each test chooses; it records what happened to it. */
function testTask(
  kind: string,
  perform: JobTask<{ n: number }>['perform'],
  options: { maxAttempts?: number; limit?: number } = {},
) {
  const failed: number[] = [];
  const task = defineTask({
    kind,
    maxAttempts: options.maxAttempts ?? 3,
    parse: (payload) => payloadOf(echoPayload, kind, payload),
    perform,
    onFailed: (job) => {
      failed.push(job.payload.n);
      return Promise.resolve();
    },
    ...(options.limit === undefined ? {} : { limit: () => options.limit! }),
  });
  return { task, failed };
}

function queue(ctx: AppContext, kind: string, n: number, serialKey: string | null = null) {
  return auditedWrite(ctx, systemActor, (scope) =>
    insertJob(scope, { kind, payload: { n }, maxAttempts: 3, serialKey }),
  );
}

async function makeDue(ctx: AppContext): Promise<void> {
  await ctx.handle.db
    .updateTable('jobs')
    .set({ run_after: new Date(Date.now() - 1000).toISOString() })
    .where('state', '=', 'queued')
    .execute();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeForEachDatabase('jobs', (current, dialect) => {
  it('runs what is queued, in order, keeps each result, and audits the queueing', async () => {
    const ctx = current();
    const seen: number[] = [];
    const { task } = testTask('echo', (job, context) => {
      seen.push(job.payload.n);
      context.progress({ half: true });
      return Promise.resolve({ twice: job.payload.n * 2 });
    });
    const first = await queue(ctx, 'echo', 1);
    // Jobs queued within one millisecond have no order between them.
    await sleep(5);
    const second = await queue(ctx, 'echo', 2);
    // Another kind is not this runner's.
    await queue(ctx, 'other', 3);
    const runner = new InlineJobRunner(ctx, jobRegistry([task]));
    expect(await runner.wake()).toEqual([first.id, second.id]);
    expect(seen).toEqual([1, 2]);
    const done = await findJob(ctx.handle.db, second.id);
    expect(done).toMatchObject({
      state: 'done',
      attempts: 1,
      result: '{"twice":4}',
      progress: '{"half":true}',
      lease_owner: runner.owner,
      lease_expires_at: null,
    });
    expect(done!.finished_at).not.toBeNull();
    const queued = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_ids'])
      .where('action', '=', 'job.queue')
      .execute();
    expect(queued).toHaveLength(3);
    expect(await runner.wake()).toEqual([]);
  });

  it('tries again after a growing pause, then fails once, tidied up, with the error masked', async () => {
    const ctx = current();
    let attempts = 0;
    const { task, failed } = testTask('flaky', () => {
      attempts += 1;
      return Promise.reject(new Error(`账户 6222021234567890123 不可用（第 ${attempts} 次）`));
    });
    const job = await queue(ctx, 'flaky', 7);
    const runner = new InlineJobRunner(ctx, jobRegistry([task]));
    const before = Date.now();
    await runner.wake();
    const waiting = (await findJob(ctx.handle.db, job.id))!;
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lease_owner: null });
    expect(Date.parse(waiting.run_after) - before).toBeGreaterThanOrEqual(14_000);
    expect(waiting.error).toContain('第 1 次');
    // Not due yet: nothing runs.
    expect(await runner.wake()).toEqual([]);
    await makeDue(ctx);
    await runner.wake();
    const again = (await findJob(ctx.handle.db, job.id))!;
    expect(again).toMatchObject({ state: 'queued', attempts: 2 });
    expect(Date.parse(again.run_after) - Date.now()).toBeGreaterThan(25_000);
    await makeDue(ctx);
    await runner.wake();
    const ended = (await findJob(ctx.handle.db, job.id))!;
    expect(ended).toMatchObject({ state: 'failed', attempts: 3 });
    expect(ended.error).toContain('第 3 次');
    expect(ended.error).not.toContain('6222021234567890123');
    expect(failed).toEqual([7]);
    await makeDue(ctx);
    expect(await runner.wake()).toEqual([]);
  });

  it('waits without spending an attempt when the work cannot start yet', async () => {
    const ctx = current();
    let calls = 0;
    const { task } = testTask('patient', () => {
      calls += 1;
      return calls < 5
        ? Promise.reject(new RetryLater(60_000, new Error('busy')))
        : Promise.resolve('ok');
    });
    const job = await queue(ctx, 'patient', 1);
    const runner = new InlineJobRunner(ctx, jobRegistry([task]));
    for (let i = 0; i < 5; i += 1) {
      await makeDue(ctx);
      await runner.wake();
    }
    expect(await findJob(ctx.handle.db, job.id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('takes up a job whose lease ran out; the old holder can no longer end it', async () => {
    const ctx = current();
    const { task, failed } = testTask('takeover', () => Promise.resolve('mine'));
    const job = await queue(ctx, 'takeover', 1);
    const claim = { kinds: ['takeover'], limits: new Map<string, number>() };
    const dead = await claimJob(ctx.handle, { ...claim, owner: 'gone:1:a', leaseMs: 500 });
    expect(dead?.id).toBe(job.id);
    // Held: nobody else takes it.
    expect(await claimJob(ctx.handle, { ...claim, owner: 'other', leaseMs: 1000 })).toBe(undefined);
    await sleep(600);
    const runner = new InlineJobRunner(ctx, jobRegistry([task]));
    expect(await runner.wake()).toEqual([job.id]);
    expect(await findJob(ctx.handle.db, job.id)).toMatchObject({
      state: 'done',
      attempts: 2,
      lease_owner: runner.owner,
    });
    expect(
      await endAttempt(ctx.handle.db, job.id, 'gone:1:a', {
        state: 'failed',
        error: { code: null, message: { zh: 'x', en: 'x' } },
      }),
    ).toBe(false);
    expect(failed).toEqual([]);

    // A job whose holders kept dying is given up, and tidied up, once its attempts are spent.
    const cursed = await queue(ctx, 'takeover', 2);
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await claimJob(ctx.handle, { ...claim, owner: `gone:${i}:b`, leaseMs: 10 }))?.id,
      ).toBe(cursed.id);
      await sleep(25);
    }
    await runner.wake();
    const given = (await findJob(ctx.handle.db, cursed.id))!;
    expect(given).toMatchObject({ state: 'failed', attempts: 4 });
    expect(given.error).toContain('job-abandoned');
    expect(failed).toEqual([2]);
  });

  it('runs jobs of one serial key one at a time, and a kind no more often than its limit', async () => {
    const ctx = current();
    const { task: serial } = testTask('serial', () => Promise.resolve(null));
    const { task: limited } = testTask('limited', () => Promise.resolve(null), { limit: 2 });
    const a = await queue(ctx, 'serial', 1, 'scan:431226000000');
    await sleep(5);
    const b = await queue(ctx, 'serial', 2, 'scan:431226000000');
    const c = await queue(ctx, 'serial', 3, 'scan:431226101000');
    const claim = (kind: string, owner: string) =>
      claimJob(ctx.handle, {
        owner,
        leaseMs: 60_000,
        kinds: [kind],
        limits: new Map(
          [serial, limited].flatMap((t) => (t.limit ? [[t.kind, t.limit(ctx)] as const] : [])),
        ),
      });
    expect((await claim('serial', 'p1'))?.id).toBe(a.id);
    expect((await claim('serial', 'p2'))?.id).toBe(c.id);
    expect(await claim('serial', 'p3')).toBe(undefined);
    const runner = new InlineJobRunner(ctx, jobRegistry([serial]));
    expect(await runner.wake()).toEqual([]);
    expect((await findJob(ctx.handle.db, b.id))?.state).toBe('queued');

    for (let n = 0; n < 4; n += 1) await queue(ctx, 'limited', n);
    expect((await claim('limited', 'p1'))?.state).toBe('running');
    expect((await claim('limited', 'p2'))?.state).toBe('running');
    expect(await claim('limited', 'p3')).toBe(undefined);
  });

  it('renews the lease of a long job, so that no other worker takes it', async () => {
    const ctx = current();
    let release = (): void => undefined;
    const { task } = testTask(
      'long',
      () => new Promise((resolve) => (release = () => resolve('finished'))),
    );
    const job = await queue(ctx, 'long', 1);
    const worker = new JobWorker(ctx, jobRegistry([task]), { leaseMs: 400, pollMs: 20 });
    worker.start();
    try {
      for (
        let i = 0;
        i < 100 && (await findJob(ctx.handle.db, job.id))?.state !== 'running';
        i += 1
      )
        await sleep(10);
      await sleep(1200);
      const claim = { kinds: ['long'], limits: new Map<string, number>(), leaseMs: 1000 };
      expect(await claimJob(ctx.handle, { ...claim, owner: 'thief' })).toBe(undefined);
      release();
      await worker.idle();
      expect(await findJob(ctx.handle.db, job.id)).toMatchObject({
        state: 'done',
        attempts: 1,
        result: '"finished"',
      });
    } finally {
      release();
      await worker.stop();
    }
  });

  it.runIf(dialect === 'postgres')(
    'lets several processes claim at once: no job twice, and the limit holds for all',
    async () => {
      const ctx = current();
      const other = await openDatabase(ctx.handle.target, { poolSize: 4 });
      try {
        for (let n = 0; n < 24; n += 1) await queue(ctx, 'shared', n);
        for (let n = 0; n < 8; n += 1) await queue(ctx, 'capped', n);
        const claimAll = async (handle: typeof ctx.handle, owner: string, kind: string) => {
          const ids: string[] = [];
          for (;;) {
            const row = await claimJob(handle, {
              owner,
              leaseMs: 60_000,
              kinds: [kind],
              limits: new Map([['capped', 3]]),
            });
            if (!row) return ids;
            ids.push(row.id);
          }
        };
        const handles = [ctx.handle, other, ctx.handle, other];
        const shared = await Promise.all(
          handles.map((handle, i) => claimAll(handle, `p${i}`, 'shared')),
        );
        const all = shared.flat();
        expect(all).toHaveLength(24);
        expect(new Set(all).size).toBe(24);
        const capped = await Promise.all(
          handles.map((handle, i) => claimAll(handle, `q${i}`, 'capped')),
        );
        expect(capped.flat()).toHaveLength(3);
      } finally {
        await other.close();
      }
    },
  );
});
