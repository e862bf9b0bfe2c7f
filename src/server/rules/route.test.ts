import { expect, it } from 'vitest';
import { judgedWarnings, precisionCase } from '../../../test/factories/judgedWarnings.js';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase } from '../../../test/helpers/databases.js';
import { serverFor } from '../../../test/helpers/server.js';
import type { RulePrecisionList, WarningList } from '../../api/warnings.js';

describeForEachDatabase('rule precision over the API', (current) => {
  it('returns the figures in the user’s scope, and the warnings in the learned order', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const ids = await judgedWarnings(ctx, precisionCase);
    const inspector = await createTestUser(ctx, { role: 'inspector' });
    const cookie = await sessionCookieFor(ctx, inspector);
    const get = (url: string, as = cookie) =>
      server.inject({ method: 'GET', url, headers: { cookie: as } });

    const county = (await get('/api/rules/precision')).json<RulePrecisionList>();
    expect(county.rules.map((r) => [r.rule, r.judged, r.confirmed, r.weight])).toEqual([
      ['R01', 4, 3, 1.25],
      ['R05', 2, 0, 0.667],
    ]);
    expect(county.rules[0]!.words).toBe(
      'R01 在本县已核实 4 条，属实 3 条（75%），数据错误 0 条，误报 1 条',
    );
    const township = (
      await get('/api/rules/precision?division=431226102')
    ).json<RulePrecisionList>();
    expect(township.rules.map((r) => [r.rule, r.judged, r.confirmed])).toEqual([
      ['R01', 2, 1],
      ['R05', 1, 0],
    ]);
    expect((await get('/api/rules/precision?division=431227')).statusCode).toBe(403);

    // A township's leader sees only the township's judgements.
    const leader = await createTestUser(ctx, { role: 'leader', jurisdictionCode: '431226101000' });
    const own = (
      await get('/api/rules/precision', await sessionCookieFor(ctx, leader))
    ).json<RulePrecisionList>();
    expect(own.rules.map((r) => [r.rule, r.judged])).toEqual([
      ['R01', 2],
      ['R05', 1],
    ]);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    expect((await get('/api/rules/precision', await sessionCookieFor(ctx, clerk))).statusCode).toBe(
      403,
    );

    const learned = (await get('/api/warnings?order=learned')).json<WarningList>();
    expect(learned.warnings.map((w) => w.rule)).toEqual([
      'R01',
      'R01',
      'R01',
      'R01',
      'R07',
      'R05',
      'R05',
    ]);
    expect(learned.warnings[0]).toMatchObject({
      id: ids[0],
      judgement: 'confirmed',
      reopened: false,
    });
    const byScore = (await get('/api/warnings?status=dismissed')).json<WarningList>();
    expect(byScore.warnings.map((w) => [w.id, w.judgement])).toEqual([
      [ids[4], 'data_error'],
      [ids[5], 'false_hit'],
      [ids[3], 'false_hit'],
    ]);
  });
});
