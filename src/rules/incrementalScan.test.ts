import { expect, it } from 'vitest';
import { templateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase, type TestContext } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { scopeOf } from '../auth/scope.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { rollbackBatch } from '../ingest/reviewBatch.js';
import { createTestUser } from '../../test/factories/users.js';
import { runScan } from './runScan.js';
import { listWarnings, warningEvidence } from '../warnings/warningsRepository.js';

const root = '431226000000';

/** An incremental scan of the test county. */
function incremental(ctx: TestContext) {
  return runScan(ctx, { jurisdiction: root, kind: 'incremental', actor: systemActor });
}

describeForEachDatabase('incremental scans', (current) => {
  it('re-checks only the people a new batch touches, and marks what no longer holds', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const people = Array.from({ length: 6 }, () => templateRow('residents'));
    await makeLive(ctx, 'residents', people);
    await makeLive(ctx, 'programs', [
      {
        ...templateRow('programs'),
        program_code: 'DB',
        name: '城乡低保',
        standard_monthly: '600',
        exclusive_with: '',
      },
    ]);
    const pay = (p: Record<string, string>, month: string) => ({
      ...templateRow('disbursements'),
      id_number: p.id_number!,
      name: p.name!,
      account_holder: p.name!,
      account_holder_id_number: p.id_number!,
      household_id: p.household_id!,
      period: month,
      pay_date: `${month}-10`,
      amount: '500',
    });
    await makeLive(
      ctx,
      'disbursements',
      people.flatMap((p) => ['2024-01', '2024-02', '2024-03', '2024-04'].map((m) => pay(p, m))),
    );
    const first = await incremental(ctx);
    expect(first).toMatchObject({ kind: 'full', new: 0, open: 0 });

    // A death in February: the March and April payments of that person become a warning.
    const dead = people[2]!;
    const deathBatch = await makeLive(ctx, 'deaths', [
      {
        ...templateRow('deaths'),
        id_number: dead.id_number!,
        name: dead.name!,
        death_date: '2024-02-10',
      },
    ]);
    const second = await incremental(ctx);
    expect(second).toMatchObject({ kind: 'incremental', new: 1, updated: 0, cleared: 0, open: 1 });
    expect(second.subjects).toBeLessThanOrEqual(3);
    const [warning] = await listWarnings(ctx.handle.db, scopeOf(root), { rule: 'R01' });
    expect(warning).toMatchObject({
      subject_id_number: dead.id_number,
      periods: ['2024-03', '2024-04'],
      amount_fen: 100000,
      status: 'open',
    });

    // A May payment of the dead person: the same warning, its evidence replaced, not doubled.
    await makeLive(ctx, 'disbursements', [pay(dead, '2024-05')]);
    const more = await incremental(ctx);
    expect(more).toMatchObject({ kind: 'incremental', new: 0, updated: 1, open: 1 });
    const [grown] = await listWarnings(ctx.handle.db, scopeOf(root), { rule: 'R01' });
    expect(grown).toMatchObject({
      id: warning!.id,
      periods: ['2024-03', '2024-04', '2024-05'],
      amount_fen: 150000,
    });
    const evidence = await warningEvidence(ctx.handle.db, warning!.id);
    expect(evidence.filter((e) => e.dataset === 'disbursements')).toHaveLength(3);

    // The death record was wrong: rolled back, the warning no longer holds (kept, marked).
    const admin = await createTestUser(ctx, { role: 'admin' });
    await rollbackBatch(
      ctx,
      { actor: { id: admin.id, name: admin.username }, role: 'admin', scope: scopeOf(root) },
      deathBatch,
      '殡仪馆误报',
    );
    const third = await incremental(ctx);
    expect(third).toMatchObject({ kind: 'incremental', new: 0, cleared: 1, open: 0 });
    const [cleared] = await listWarnings(ctx.handle.db, scopeOf(root), { rule: 'R01' });
    expect(cleared).toMatchObject({ fingerprint: warning!.fingerprint, status: 'cleared' });
    expect(cleared!.cleared_at).not.toBeNull();

    // Nothing changed: nothing to re-check.
    expect(await incremental(ctx)).toMatchObject({ subjects: 0, new: 0, cleared: 0 });
  });

  it('refuses a second scan of the same jurisdiction while one runs', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const both = await Promise.allSettled([
      runScan(ctx, { jurisdiction: root, kind: 'full', actor: systemActor }),
      runScan(ctx, { jurisdiction: root, kind: 'full', actor: systemActor }),
    ]);
    const refused = both.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'SCAN_RUNNING' });
  });

  it('scans in full, without listing anyone, when most of the county would be re-checked', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const people = Array.from({ length: 6_000 }, () => templateRow('residents'));
    await makeLive(ctx, 'residents', people);
    expect(await incremental(ctx)).toMatchObject({ kind: 'full' });
    // A few cars: an incremental scan.
    const car = (p: Record<string, string>) => ({
      ...templateRow('vehicles'),
      id_number: p.id_number!,
      name: p.name!,
    });
    await makeLive(ctx, 'vehicles', people.slice(0, 10).map(car));
    expect(await incremental(ctx)).toMatchObject({ kind: 'incremental' });
    // A first load of most owners' cars: full, decided before the subjects are listed.
    await makeLive(ctx, 'vehicles', people.slice(10, 5_010).map(car));
    const large = await incremental(ctx);
    expect(large).toMatchObject({ kind: 'full', subjects: null });
    const listed = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'scan.subjects')
      .execute();
    expect(listed).toHaveLength(1);
  });
});
