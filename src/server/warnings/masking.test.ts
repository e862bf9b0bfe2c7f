import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import {
  maskedSharedAccount as maskedAccount,
  plantSharedAccount,
  sharedAccount as account,
} from '../../../test/factories/sharedAccount.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase, type TestContext } from '../../../test/helpers/databases.js';
import { serverFor, testCounty } from '../../../test/helpers/server.js';

/** An 18-character ID number anywhere in a text. */
const fullIdNumber = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/;

/** The R10 case of test/factories/sharedAccount.ts, behind a server. */
async function plant(
  ctx: TestContext,
): Promise<{ server: FastifyInstance; ids: string[]; beneficiary: string }> {
  const server = await serverFor(ctx);
  return { server, ...(await plantSharedAccount(ctx)) };
}

function expectNothingFull(body: string, ids: readonly string[]): void {
  expect(body).not.toMatch(fullIdNumber);
  expect(body).not.toContain(account);
  for (const id of ids) expect(body).not.toContain(id);
}

async function accessRows(ctx: TestContext) {
  return ctx.handle.db
    .selectFrom('access_log')
    .select(['user_id', 'purpose', 'subject', 'detail'])
    .orderBy('id')
    .execute();
}

describeForEachDatabase('warnings without full numbers', (current) => {
  it('masks ID numbers and accounts in an inspector’s list, warning and network, and logs each list once', async () => {
    const ctx = current();
    const { server, ids, beneficiary } = await plant(ctx);
    // A warning stored by an older release, whose sentence named the account and an ID number.
    const stored = await ctx.handle.db
      .selectFrom('warnings')
      .select(['id', 'explanation'])
      .where('rule_code', '=', 'R10')
      .where('subject', '=', beneficiary)
      .executeTakeFirstOrThrow();
    // Explanations are masked when a scan writes them.
    expect(stored.explanation).toContain(`账户${maskedAccount}同期为3人（3户）收款`);
    expectNothingFull(stored.explanation, ids);
    await ctx.handle.db
      .updateTable('warnings')
      .set({ explanation: `账户${account}同期为3人收款，户主${ids[3]!}` })
      .where('id', '=', stored.id)
      .execute();

    const inspector = await createTestUser(ctx, { role: 'inspector' });
    const cookie = await sessionCookieFor(ctx, inspector);
    const get = (url: string) => server.inject({ method: 'GET', url, headers: { cookie } });

    const before = (await accessRows(ctx)).length;
    const list = await get('/api/warnings?rule=R10&limit=500');
    expect(list.statusCode).toBe(200);
    const body = list.json<{
      total: number;
      warnings: { id: number; subject_id_number: string; explanation: string }[];
      bySeverity: Record<string, number>;
    }>();
    expect(body.total).toBe(3);
    expectNothingFull(list.body, ids);
    expect(list.body).not.toContain('fingerprint');
    const mine = body.warnings.find((w) => w.id === stored.id)!;
    expect(mine.subject_id_number).toBe(
      `${beneficiary.slice(0, 6)}********${beneficiary.slice(-4)}`,
    );
    expect(mine.explanation).toContain(maskedAccount);
    expect(body.bySeverity).toEqual({ 高: 0, 中: 3, 低: 0 });
    // One access-log row for the list, not one per warning: what was asked and how many.
    const listed = (await accessRows(ctx)).slice(before);
    expect(listed).toEqual([
      {
        user_id: inspector.id,
        purpose: 'warnings',
        subject: testCounty,
        detail: 'warning list rule=R10 limit=500 offset=0: 3 of 3 warnings, 3 people',
      },
    ]);

    const shown = await get(`/api/warnings/${stored.id}`);
    expect(shown.statusCode).toBe(200);
    expectNothingFull(shown.body, ids);

    const network = await get(`/api/warnings/${stored.id}/network`);
    expect(network.statusCode).toBe(200);
    expectNothingFull(network.body, ids);
    const graph = network.json<{
      center: string;
      nodes: { id: string; id_number: string }[];
      edges: { from: string; to: string; kind: string }[];
    }>();
    expect(graph.center).toBe('P0');
    expect(graph.nodes.find((n) => n.id === 'P0')?.id_number).toBe(
      `${beneficiary.slice(0, 6)}********${beneficiary.slice(-4)}`,
    );
    const refs = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.some((e) => e.kind === 'account')).toBe(true);
    expect(graph.edges.every((e) => refs.has(e.from) && refs.has(e.to))).toBe(true);
    // The old network address, with a full ID number in it, is gone.
    expect((await get(`/api/people/${beneficiary}/network`)).statusCode).toBe(404);
  });

  it('gives one warning a record once with all its reasons', async () => {
    const ctx = current();
    const { server, beneficiary } = await plant(ctx);
    const inspector = await createTestUser(ctx, { role: 'inspector' });
    const cookie = await sessionCookieFor(ctx, inspector);
    const { id } = await ctx.handle.db
      .selectFrom('warnings')
      .select('id')
      .where('rule_code', '=', 'R10')
      .where('subject', '=', beneficiary)
      .executeTakeFirstOrThrow();
    const stored = await ctx.handle.db
      .selectFrom('warning_evidence')
      .select('seq')
      .where('warning_id', '=', id)
      .execute();
    expect(stored).toHaveLength(3);

    const response = await server.inject({
      method: 'GET',
      url: `/api/warnings/${id}`,
      headers: { cookie },
    });
    const { warning, evidence } = response.json<{
      warning: { record_ids: string[] };
      evidence: {
        period: string;
        amount_fen: number;
        reasons: { details: { fact: string; ref: string }; self: boolean }[];
      }[];
    }>();
    expect(evidence).toHaveLength(warning.record_ids.length);
    expect(
      evidence.map((e) => ({
        period: e.period,
        amount_fen: e.amount_fen,
        facts: e.reasons.map((r) => r.details.fact).sort(),
      })),
    ).toEqual([
      { period: '2024-03', amount_fen: 50000, facts: ['holder_id', 'shared_account'] },
      { period: '2024-04', amount_fen: 50000, facts: ['holder_id'] },
    ]);
    expect(evidence[0]!.reasons.every((r) => r.details.ref === maskedAccount)).toBe(true);
    expect(evidence[0]!.reasons.every((r) => !r.self)).toBe(true);
  });

  it('reveals one warning’s full numbers for a reason, logged; refuses without a reason, another role or jurisdiction', async () => {
    const ctx = current();
    const { server, ids, beneficiary } = await plant(ctx);
    const { id } = await ctx.handle.db
      .selectFrom('warnings')
      .select('id')
      .where('rule_code', '=', 'R10')
      .where('subject', '=', beneficiary)
      .executeTakeFirstOrThrow();
    const inspector = await createTestUser(ctx, { role: 'inspector' });
    const cookie = await sessionCookieFor(ctx, inspector);
    const reveal = (payload: unknown, as = cookie, warning = id) =>
      server.inject({
        method: 'POST',
        url: `/api/warnings/${warning}/reveal`,
        headers: { cookie: as },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    const before = (await accessRows(ctx)).length;
    // Without a reason: refused, and nothing logged.
    expect((await reveal({})).statusCode).toBe(400);
    const blank = await reveal({ reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ error: { code: 'REASON_REQUIRED' } });
    expect((await reveal(undefined)).statusCode).toBe(400);
    // A leader reads the list, masked, but may not reveal.
    const leader = await createTestUser(ctx, { role: 'leader' });
    expect(
      (await reveal({ reason: '了解情况' }, await sessionCookieFor(ctx, leader))).statusCode,
    ).toBe(403);
    // An inspector of another township: no such warning.
    const elsewhere = await createTestUser(ctx, {
      role: 'inspector',
      jurisdictionCode: '431226102000',
    });
    const outside = await reveal({ reason: '核查' }, await sessionCookieFor(ctx, elsewhere));
    expect(outside.statusCode).toBe(404);
    expectNothingFull(outside.body, ids);
    expect((await reveal({ reason: '核查' }, cookie, id + 1000)).statusCode).toBe(404);
    expect(await accessRows(ctx)).toHaveLength(before);

    const shown = await reveal({ reason: '纪委立案核查 2024-17 号' });
    expect(shown.statusCode).toBe(200);
    const body = shown.json<{
      id: number;
      subject_id_number: string;
      evidence: { reasons: { details: { ref: string; related_id: string } }[] }[];
    }>();
    expect(body.id).toBe(id);
    expect(body.subject_id_number).toBe(beneficiary);
    expect(body.evidence[0]!.reasons[0]!.details.ref).toBe(account);
    expect(body.evidence[0]!.reasons.some((r) => r.details.related_id === ids[3])).toBe(true);
    expect((await accessRows(ctx)).slice(before)).toEqual([
      {
        user_id: inspector.id,
        purpose: 'reveal',
        subject: beneficiary,
        detail: `warning ${id} R10: 纪委立案核查 2024-17 号`,
      },
    ]);
    // The audit trail names the reveal, its reason and the person masked.
    const trail = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'view.reveal')
      .execute();
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).toContain('纪委立案核查');
    expectNothingFull(JSON.stringify(trail), ids);
  });
});
