import { expect, it } from 'vitest';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase } from '../../../test/helpers/databases.js';
import { serverFor, testCounty } from '../../../test/helpers/server.js';
import { systemActor } from '../../audit/actor.js';
import { scopeOf } from '../../auth/scope.js';
import { generateCounty } from '../../demo/generateCounty.js';
import { loadCountyRows } from '../../demo/loadDemoCounty.js';
import { runScan } from '../../rules/runScan.js';

interface WarningItem {
  id: number;
  rule: string;
  subject_id_number: string;
  subject_kind: string;
  jurisdiction_code: string;
}

const fullIdNumber = /(?<![0-9])\d{17}[\dX](?![0-9A-Za-z])/;

describeForEachDatabase('warnings over the API', (current) => {
  it('lists, filters and shows warnings within the user’s jurisdiction, and logs each view without a full ID number in the audit trail', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const county = generateCounty({ region: testCounty, people: 400, seed: 5, year: 2024 });
    const admin = await createTestUser(ctx, { role: 'admin' });
    await loadCountyRows(
      ctx,
      { actor: { id: admin.id, name: admin.username }, scope: scopeOf(testCounty) },
      county,
    );
    await runScan(ctx, {
      jurisdiction: testCounty,
      kind: 'full',
      actor: systemActor,
      today: county.today,
    });
    const inspector = await createTestUser(ctx, { role: 'inspector' });
    const cookie = await sessionCookieFor(ctx, inspector);
    const get = (url: string, as = cookie) =>
      server.inject({ method: 'GET', url, headers: { cookie: as } });

    const all = (await get('/api/warnings?limit=500')).json<{
      total: number;
      warnings: WarningItem[];
    }>();
    expect(all.total).toBeGreaterThan(5);
    expect(all.warnings).toHaveLength(all.total);
    const r01 = (await get('/api/warnings?rule=r01&limit=500')).json<{
      total: number;
      warnings: WarningItem[];
    }>();
    expect(r01.total).toBeGreaterThan(0);
    expect(r01.warnings.every((w) => w.rule === 'R01')).toBe(true);
    expect(r01.total).toBe(all.warnings.filter((w) => w.rule === 'R01').length);

    // One township's leader sees that township's warnings and nothing of another.
    const person = all.warnings.find(
      (w) => w.subject_kind === 'person' && w.jurisdiction_code.slice(6, 9) !== '000',
    )!;
    const township = `${person.jurisdiction_code.slice(0, 9)}000`;
    const leader = await createTestUser(ctx, { role: 'leader', jurisdictionCode: township });
    const leaderCookie = await sessionCookieFor(ctx, leader);
    const own = (await get('/api/warnings?limit=500', leaderCookie)).json<{
      warnings: WarningItem[];
    }>();
    expect(own.warnings.length).toBeGreaterThan(0);
    expect(own.warnings.every((w) => w.jurisdiction_code.startsWith(township.slice(0, 9)))).toBe(
      true,
    );
    const elsewhere = all.warnings.find(
      (w) => !w.jurisdiction_code.startsWith(township.slice(0, 9)),
    )!;
    expect((await get(`/api/warnings/${elsewhere.id}`, leaderCookie)).statusCode).toBe(404);
    // …and the county's scan that found them, without the server's host and process.
    const scans = await get('/api/scans', leaderCookie);
    expect(scans.json()).toMatchObject({
      running: false,
      scans: [{ kind: 'full', status: 'done' }],
    });
    expect(scans.body).not.toContain('runner');

    // A warning's page: the warning and its evidence; the view is logged.
    const shown = await get(`/api/warnings/${person.id}`);
    expect(shown.statusCode).toBe(200);
    const body = shown.json<{ warning: WarningItem; evidence: unknown[] }>();
    expect(body.warning.id).toBe(person.id);
    expect(body.evidence.length).toBeGreaterThan(0);
    const network = await get(`/api/warnings/${person.id}/network`);
    expect(network.statusCode).toBe(200);
    // The API masks ID numbers: the full one comes from the logged reveal.
    const revealed = await server.inject({
      method: 'POST',
      url: `/api/warnings/${person.id}/reveal`,
      headers: { cookie },
      payload: { reason: '核查线索' },
    });
    const subject = revealed.json<{ subject_id_number: string }>().subject_id_number;

    // (The list requests and the reveal are logged too: other purposes, tested below.)
    const access = await ctx.handle.db
      .selectFrom('access_log')
      .select(['user_id', 'purpose', 'subject'])
      .where('purpose', 'in', ['warning', 'network'])
      .orderBy('id')
      .execute();
    expect(access).toEqual([
      { user_id: inspector.id, purpose: 'warning', subject },
      { user_id: inspector.id, purpose: 'network', subject },
    ]);
    const views = await ctx.handle.db
      .selectFrom('audit_log')
      .select('entity_ids')
      .where('action', 'in', ['view.warning', 'view.network'])
      .execute();
    expect(views).toHaveLength(2);
    for (const view of views) expect(view.entity_ids).not.toMatch(fullIdNumber);
    const trail = await get('/api/audit?limit=500');
    expect(trail.statusCode).toBe(200);
    expect(trail.body).not.toMatch(fullIdNumber);
  });
});
