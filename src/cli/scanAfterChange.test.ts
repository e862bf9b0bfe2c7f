import { expect, it } from 'vitest';
import { recordingOutput } from '../../test/helpers/cli.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { testCounty } from '../../test/helpers/server.js';
import { systemActor } from '../audit/actor.js';
import { claimJob, endAttempt } from '../jobs/jobsRepository.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { requestScan } from '../rules/scanQueue.js';
import { buildServer } from '../server/buildServer.js';
import { scanAfterChange } from './scanAfterChange.js';

const reviewer = { id: null, name: 'reviewer1' };

describeForEachDatabase('the scan a command queues after a review', (current) => {
  it('is run by the command at once when nothing else scans', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, testCounty);
    const out = recordingOutput();
    await scanAfterChange(ctx, reviewer, out, false);
    expect(out.lines).toEqual([expect.stringMatching(/^已自动进行(增量|全量)比对：新增预警 0 条/)]);
    expect(await ctx.handle.db.selectFrom('jobs').select(['kind', 'state']).execute()).toEqual([
      { kind: 'scan', state: 'done' },
    ]);
    expect(
      await ctx.handle.db.selectFrom('scans').select(['status', 'triggered_by']).execute(),
    ).toEqual([{ status: 'done', triggered_by: 'reviewer1' }]);
  });

  it('is left queued while a server scans, and that server’s worker runs it after', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, testCounty);
    // A scan of the deployment that a server's worker holds.
    const serving = await requestScan(ctx, testCounty, 'full', systemActor);
    const server = { owner: 'server:1:a', leaseMs: 60_000, limits: new Map<string, number>() };
    expect((await claimJob(ctx.handle, { ...server, kinds: ['scan'] }))?.id).toBe(serving.id);

    const out = recordingOutput();
    await scanAfterChange(ctx, reviewer, out, false);
    expect(out.lines).toEqual(['另一比对正在进行，本批次将在下一次比对中复查']);
    const queued = await ctx.handle.db
      .selectFrom('jobs')
      .select(['id', 'state'])
      .where('id', '<>', serving.id)
      .executeTakeFirstOrThrow();
    expect(queued.state).toBe('queued');

    await endAttempt(ctx.handle.db, serving.id, server.owner, { state: 'done', result: null });
    const app = await buildServer(ctx, { jobs: { pollMs: 50 } });
    try {
      await app.ready();
      await expect
        .poll(
          async () =>
            (
              await ctx.handle.db
                .selectFrom('jobs')
                .select('state')
                .where('id', '=', queued.id)
                .executeTakeFirstOrThrow()
            ).state,
        )
        .toBe('done');
    } finally {
      await app.close();
    }
    expect(
      await ctx.handle.db.selectFrom('scans').select(['status', 'triggered_by']).execute(),
    ).toEqual([{ status: 'done', triggered_by: 'reviewer1' }]);
  });
});
