import { expect, it } from 'vitest';
import { templateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { createAdministrator } from '../auth/createAdministrator.js';
import { scopeOf } from '../auth/scope.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { generateCounty } from '../demo/generateCounty.js';
import { loadCountyRows } from '../demo/loadDemoCounty.js';
import { rollbackBatch } from '../ingest/reviewBatch.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { runScan } from './runScan.js';

const root = '431226000000';

/**
 * An incremental scan must leave exactly what a full scan would: after a mix of changes
 * (deaths, a new month of payments, a declared relative, a batch rolled back), a full scan
 * right after the incremental one finds nothing new, nothing changed and nothing to clear.
 */
describeForEachDatabase('incremental scans against full ones', (current) => {
  it('an incremental scan after mixed changes leaves what a full scan leaves', async () => {
    const ctx = current();
    const county = generateCounty({ region: root, people: 1500, seed: 11, year: 2024 });
    await loadJurisdiction(ctx, systemActor, root);
    await createAdministrator(ctx, root);
    const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
    const actor = { id: admin.id, name: 'admin' };
    await loadCountyRows(ctx, { actor, scope: scopeOf(root) }, county);
    const scan = (kind: 'full' | 'incremental') =>
      runScan(ctx, { jurisdiction: root, kind, actor: systemActor, today: county.today });
    await scan('full');

    const payments = county.rows.disbursements!;
    const dead = new Set(county.rows.deaths!.map((d) => d.id_number));
    const june = [
      ...new Map(
        payments
          .filter((p) => p.period === '2024-06' && !dead.has(p.id_number))
          .map((p) => [p.id_number!, p]),
      ).values(),
    ];
    expect(june.length).toBeGreaterThan(6);
    // Four beneficiaries died in May, still paid afterwards (R01).
    await makeLive(
      ctx,
      'deaths',
      june.slice(0, 4).map((p) => ({
        ...templateRow('deaths'),
        id_number: p.id_number!,
        name: p.name!,
        death_date: '2024-05-03',
      })),
    );
    // An official declares one of them as a spouse (R03 when means-tested).
    await makeLive(ctx, 'relations', [
      {
        official_id_number: county.rows.officials![0]!.id_number!,
        relative_id_number: june[5]!.id_number!,
        relative_name: june[5]!.name!,
        relation: '配偶',
      },
    ]);
    // A new month of payments for part of December's beneficiaries.
    const december = payments.filter((p) => p.period === '2024-12').slice(0, 150);
    await makeLive(
      ctx,
      'disbursements',
      december.map((p, i) => ({
        ...p,
        record_id: `INC-2025-${i}`,
        period: '2025-01',
        pay_date: '2025-01-10',
      })),
    );
    // The vehicle register turns out to be wrong and is rolled back.
    const vehicles = await ctx.handle.db
      .selectFrom('ingest_batches')
      .select('id')
      .where('dataset', '=', 'vehicles')
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    await rollbackBatch(
      ctx,
      { actor, role: 'admin', scope: scopeOf(root) },
      vehicles.id,
      '数据有误',
    );

    const incremental = await scan('incremental');
    expect(incremental.kind).toBe('incremental');
    expect(incremental.new).toBeGreaterThan(0);
    expect(incremental.cleared).toBeGreaterThan(0);
    const full = await scan('full');
    expect(full).toMatchObject({
      kind: 'full',
      new: 0,
      updated: 0,
      cleared: 0,
      open: incremental.open,
    });
  }, 240_000);
});
