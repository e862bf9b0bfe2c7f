import { expect, it } from 'vitest';
import { createOffice, leadCounty, scannedDemoCounty } from '../../../test/factories/leads.js';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase, type TestContext } from '../../../test/helpers/databases.js';
import type { LeadDetail, LeadQueuePage, LeadView } from '../../api/leads.js';
import type { Role } from '../../api/roles.js';
import { systemActor } from '../../audit/actor.js';
import { auditedWrite } from '../../audit/auditedWrite.js';
import { setUserOffice } from '../../leads/officesRepository.js';
import { buildServer } from '../buildServer.js';

const fullIdNumber = /(?<![0-9])\d{17}[\dX](?![0-9A-Za-z])/;

/** A signed-in user of a role, in an office when given, as a Cookie header. */
async function cookieOf(
  ctx: TestContext,
  role: Role,
  options: { jurisdictionCode?: string; officeId?: number } = {},
): Promise<{ id: number; cookie: string }> {
  const user = await createTestUser(ctx, {
    role,
    jurisdictionCode: options.jurisdictionCode ?? leadCounty,
  });
  if (options.officeId !== undefined)
    await auditedWrite(ctx, systemActor, (write) =>
      setUserOffice(write, user.id, options.officeId ?? null),
    );
  return { id: user.id, cookie: await sessionCookieFor(ctx, user) };
}

describeForEachDatabase('leads over the API', (current) => {
  it('walks a lead from warning to archive, hides it from other offices and refuses stale versions', async () => {
    const ctx = current();
    await scannedDemoCounty(ctx);
    const server = await buildServer(ctx);
    await server.ready();
    const r01 = await ctx.handle.db
      .selectFrom('warnings')
      .select(['id', 'jurisdiction_code'])
      .where('rule_code', '=', 'R01')
      .where('subject_kind', '=', 'person')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const township = `${r01.jurisdiction_code.slice(0, 9)}000`;
    const otherTownship = township.slice(6, 9) === '101' ? '431226102000' : '431226101000';
    await createOffice(ctx, {
      kind: 'discipline',
      jurisdictionCode: leadCounty,
      supervising: true,
      name: '县纪委监委',
    });
    const civil = await createOffice(ctx, {
      kind: 'civil_affairs',
      jurisdictionCode: township,
      name: '乡镇民政办',
    });
    const farming = await createOffice(ctx, {
      kind: 'agriculture',
      jurisdictionCode: township,
      name: '乡镇农业站',
    });
    const elsewhere = await createOffice(ctx, {
      kind: 'civil_affairs',
      jurisdictionCode: otherTownship,
      name: '邻乡民政办',
    });
    const inspector = await cookieOf(ctx, 'inspector');
    const handler = await cookieOf(ctx, 'handler', {
      jurisdictionCode: township,
      officeId: civil.id,
    });
    const otherOffice = await cookieOf(ctx, 'handler', {
      jurisdictionCode: township,
      officeId: farming.id,
    });
    const otherTown = await cookieOf(ctx, 'handler', {
      jurisdictionCode: otherTownship,
      officeId: elsewhere.id,
    });
    const bodies: string[] = [];
    const call = async (
      as: { cookie: string },
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
    ) => {
      const response = await server.inject({
        method,
        url,
        headers: { cookie: as.cookie },
        ...(payload ? { payload } : {}),
      });
      bodies.push(response.body);
      return response;
    };

    const created = await call(inspector, 'POST', '/api/leads', {
      origin: 'warning',
      warning_ids: [r01.id],
    });
    expect(created.statusCode).toBe(200);
    let lead = created.json<LeadView>();
    expect(lead.state).toBe('triage');

    const triage = (await call(inspector, 'GET', '/api/leads?queue=triage')).json<LeadQueuePage>();
    expect(triage.leads.map((l) => l.id)).toContain(lead.id);
    const detail = (await call(inspector, 'GET', `/api/leads/${lead.id}`)).json<LeadDetail>();
    expect(detail.sources.warning_ids).toEqual([r01.id]);
    expect(detail.actions).toEqual(['triage']);
    expect(detail.routing?.office_id).toBe(civil.id);
    expect(detail.events.map((e) => e.action)).toEqual(['create']);

    const act = async (as: { cookie: string }, body: object) => {
      const response = await call(as, 'POST', `/api/leads/${lead.id}/actions`, {
        version: lead.version,
        ...body,
      });
      expect(response.statusCode, response.body).toBe(200);
      lead = response.json<LeadView>();
    };
    await act(inspector, { action: 'triage' });
    expect(lead).toMatchObject({ state: 'assigned', office_id: civil.id });

    // Another office of the township and another township's office see no such lead.
    for (const stranger of [otherOffice, otherTown]) {
      expect((await call(stranger, 'GET', `/api/leads/${lead.id}`)).statusCode).toBe(404);
      const refused = await call(stranger, 'POST', `/api/leads/${lead.id}/actions`, {
        action: 'accept',
        version: lead.version,
      });
      expect(refused.statusCode).toBe(404);
      const office = (await call(stranger, 'GET', '/api/leads?queue=office')).json<LeadQueuePage>();
      expect(office.leads.map((l) => l.id)).not.toContain(lead.id);
    }

    await act(inspector, { action: 'assign', handler_id: handler.id });
    const mine = (await call(handler, 'GET', '/api/leads?queue=mine')).json<LeadQueuePage>();
    expect(mine.leads.map((l) => l.id)).toEqual([lead.id]);
    const seen = (await call(handler, 'GET', `/api/leads/${lead.id}`)).json<LeadDetail>();
    expect(seen.actions).toContain('accept');
    expect(seen.actions).not.toContain('supervise');
    expect(seen.routing).toBeNull();

    const stale = lead.version;
    await act(handler, { action: 'accept' });
    const conflict = await call(handler, 'POST', `/api/leads/${lead.id}/actions`, {
      action: 'request_extension',
      version: stale,
      deadline: '2099-01-01',
      reason: '需要更多时间',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'LEAD_CHANGED',
      message: expect.stringContaining('刚被其他人修改过') as unknown,
    });

    await act(handler, {
      action: 'submit',
      outcome: { verdict: 'true', findings: '核实属实，已停发' },
    });
    expect(
      (await call(inspector, 'GET', '/api/leads?queue=review')).json<LeadQueuePage>().total,
    ).toBe(1);
    await act(inspector, { action: 'approve' });
    await act(inspector, { action: 'archive' });
    expect(lead.state).toBe('archived');

    const done = (await call(inspector, 'GET', `/api/leads/${lead.id}`)).json<LeadDetail>();
    expect(done.events.map((e) => e.action)).toEqual([
      'create',
      'triage',
      'assign',
      'accept',
      'submit',
      'approve',
      'archive',
    ]);
    const totals = await call(inspector, 'GET', '/api/leads/totals');
    expect(totals.json()).toMatchObject({ totals: [{ state: 'archived', count: 1 }] });
    expect((await call(handler, 'GET', '/api/leads/totals')).statusCode).toBe(403);

    for (const body of bodies) expect(body).not.toMatch(fullIdNumber);
    await server.close();
  }, 240_000);
});
