import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { AppContext } from '../src/appContext.js';
import { auditedWrite } from '../src/audit/auditedWrite.js';
import { scopeOf } from '../src/auth/scope.js';
import type { UserRow } from '../src/auth/usersRepository.js';
import { isJianduError } from '../src/core/errors.js';
import type { DatasetKey } from '../src/ingest/datasetDefinition.js';
import { datasets } from '../src/ingest/datasets/index.js';
import type { ImportSummary } from '../src/ingest/finaliseBatch.js';
import { createExchangeCredential } from '../src/ingest/exchangeCredentials.js';
import { importTable } from '../src/ingest/importTable.js';
import { listQuarantine } from '../src/ingest/quarantineRepository.js';
import { approveBatch } from '../src/ingest/reviewBatch.js';
import { templateRow, type TemplateRow } from './factories/templateRows.js';
import { createTestUser } from './factories/users.js';
import { sessionCookieFor } from './factories/sessions.js';
import { describeForEachDatabase, type TestContext } from './helpers/databases.js';
import { serverFor } from './helpers/server.js';
import { chunkProducerRows } from './helpers/tableRows.js';

/**
 * Writes are held to the writer's jurisdiction: a township's clerk, reviewer or exchange
 * credential cannot change another township's data, whatever the dataset; a county batch is
 * visible to, and can be partly taken back by, each township whose rows it holds.
 */

const county = '431226000000';
const town101 = '431226101000';
const town102 = '431226102000';
const village101 = '431226101001';
const village102 = '431226102201';
const village107 = '431226107001';

async function importAs(
  ctx: AppContext,
  user: UserRow,
  dataset: DatasetKey,
  rows: Record<string, string>[],
): Promise<ImportSummary> {
  return importTable(ctx, {
    definition: datasets[dataset],
    source: '测试部门',
    channel: 'file',
    fileName: `${dataset}.csv`,
    table: chunkProducerRows(rows),
    actor: { id: user.id, name: user.username },
    scope: scopeOf(user.jurisdiction_code),
  });
}

async function approveAs(
  ctx: AppContext,
  user: UserRow,
  batchId: number,
  reason?: string,
): Promise<void> {
  await approveBatch(
    ctx,
    {
      actor: { id: user.id, name: user.username },
      role: user.role,
      scope: scopeOf(user.jurisdiction_code),
    },
    batchId,
    reason ? { override: true, reason } : {},
  );
}

async function liveResident(ctx: AppContext, id: string) {
  return ctx.handle.db
    .selectFrom('ds_residents')
    .select(['status', 'village_code', 'name'])
    .where('id_number', '=', id)
    .where('live', '=', 1)
    .executeTakeFirst();
}

async function reasons(ctx: AppContext, batchId: number): Promise<string[]> {
  return (await listQuarantine(ctx.handle.db, batchId)).map((q) =>
    q.problems.map((p) => p.zh).join('；'),
  );
}

interface County {
  countyClerk: UserRow;
  countyReviewer: UserRow;
  resident101: Record<string, string>;
  resident102: Record<string, string>;
  resident107: Record<string, string>;
}

/** The county loads its registry: one resident in each of three townships. */
async function seedRegistry(ctx: TestContext): Promise<County> {
  const countyClerk = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: county });
  const countyReviewer = await createTestUser(ctx, { role: 'reviewer', jurisdictionCode: county });
  const resident101 = { ...templateRow('residents'), village_code: village101 };
  const resident102 = { ...templateRow('residents'), village_code: village102 };
  const resident107 = { ...templateRow('residents'), village_code: village107 };
  const registry = await importAs(ctx, countyClerk, 'residents', [
    resident101,
    resident102,
    resident107,
  ]);
  expect(registry.accepted).toBe(3);
  await approveAs(ctx, countyReviewer, registry.batch_id);
  return { countyClerk, countyReviewer, resident101, resident102, resident107 };
}

describeForEachDatabase('writes are held to the writer’s jurisdiction', (current) => {
  it('quarantines a township clerk’s rows about another township, which stays as it was', async () => {
    const ctx = current();
    const { resident101, resident102 } = await seedRegistry(ctx);
    const clerk102 = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: town102 });
    const reviewer102 = await createTestUser(ctx, { role: 'reviewer', jurisdictionCode: town102 });
    // The attack: 101's resident marked dead in a 102 file.
    const summary = await importAs(ctx, clerk102, 'residents', [
      { ...resident101, status: '死亡注销' },
      { ...resident102, address: '江口墟镇新街1号' },
    ]);
    expect(summary).toMatchObject({ rows: 2, accepted: 1, quarantined: 1 });
    expect(summary.accepted + summary.quarantined + summary.duplicates).toBe(summary.rows);
    expect(await reasons(ctx, summary.batch_id)).toEqual([
      '不属于您的辖区：村（社区）代码 431226101001 不在您的辖区内',
    ]);
    await approveAs(ctx, reviewer102, summary.batch_id, '本镇数据');
    // 101's resident moved into a 102 village: a row of 102's own village that would
    // replace 101's record.
    const moved = await importAs(ctx, clerk102, 'residents', [
      { ...resident101, village_code: village102, name: `${resident101.name!}乙` },
    ]);
    expect(moved).toMatchObject({ rows: 1, accepted: 0, quarantined: 1 });
    expect(await reasons(ctx, moved.batch_id)).toEqual([
      '不属于您的辖区：这条记录已由其他辖区登记，您不能修改',
    ]);
    expect(await liveResident(ctx, resident101.id_number!)).toMatchObject({
      status: '正常',
      village_code: village101,
      name: resident101.name,
    });
    expect(await liveResident(ctx, resident102.id_number!)).toMatchObject({ status: '正常' });
  });

  it('holds rows about people to where they are registered, and unregistered people to the county', async () => {
    const ctx = current();
    const { countyClerk, resident101, resident102 } = await seedRegistry(ctx);
    const clerk102 = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: town102 });
    const stranger = templateRow('vehicles');
    const township = await importAs(ctx, clerk102, 'vehicles', [
      { ...templateRow('vehicles'), id_number: resident102.id_number!, name: resident102.name! },
      { ...templateRow('vehicles'), id_number: resident101.id_number!, name: resident101.name! },
      stranger,
    ]);
    expect(township).toMatchObject({ accepted: 1, quarantined: 2 });
    const why = await reasons(ctx, township.batch_id);
    expect(why.every((r) => r.startsWith('不属于您的辖区'))).toBe(true);
    // The reason does not say where another township's resident lives.
    expect(why.join()).not.toContain('431226101');
    const stored = await sql<{
      division_code: string | null;
    }>`select division_code from ds_vehicles where batch_id = ${township.batch_id}`.execute(
      ctx.handle.db,
    );
    expect(stored.rows).toEqual([{ division_code: village102 }]);
    // The county may load a person registered nowhere in it (a car owner from elsewhere).
    const countyBatch = await importAs(ctx, countyClerk, 'vehicles', [templateRow('vehicles')]);
    expect(countyBatch).toMatchObject({ accepted: 1, quarantined: 0 });
  });

  it('refuses the programme catalogue below county level', async () => {
    const ctx = current();
    const clerk101 = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: town101 });
    const refused = await importAs(ctx, clerk101, 'programs', [templateRow('programs')]).catch(
      (error: unknown) => error,
    );
    expect(isJianduError(refused) && refused.code).toBe('DATASET_COUNTY_LEVEL');
    expect(isJianduError(refused) && refused.text('zh')).toContain('县级及以上');
    const batches = await ctx.handle.db.selectFrom('ingest_batches').select('id').execute();
    expect(batches).toEqual([]);
    // Nor may a township's exchange credential be given it.
    const admin101 = await createTestUser(ctx, { role: 'admin', jurisdictionCode: town101 });
    const credential = await auditedWrite(ctx, { id: admin101.id, name: admin101.username }, (w) =>
      createExchangeCredential(w, {
        name: '镇项目库',
        source: '锦和镇',
        datasets: ['deaths', 'programs'],
        jurisdictionCode: town101,
      }),
    ).catch((error: unknown) => error);
    expect(isJianduError(credential) && credential.code).toBe('DATASET_COUNTY_LEVEL');
  });

  it('quarantines an exchange credential’s death record of another township', async () => {
    const ctx = current();
    const { resident102, resident107 } = await seedRegistry(ctx);
    const server: FastifyInstance = await serverFor(ctx);
    const admin102 = await createTestUser(ctx, { role: 'admin', jurisdictionCode: town102 });
    const created = await server.inject({
      method: 'POST',
      url: '/api/exchange-credentials',
      headers: { cookie: await sessionCookieFor(ctx, admin102) },
      payload: { name: '镇殡葬系统', source: '江口墟镇民政办', datasets: ['deaths'] },
    });
    expect(created.statusCode).toBe(200);
    const { token } = created.json<{ token: string }>();
    const push = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        rows: [resident102, resident107].map((r) => ({
          id_number: r.id_number!,
          name: r.name!,
          death_date: '2024-03-12',
          source: '火化',
        })),
      },
    });
    expect(push.statusCode).toBe(200);
    const summary = push.json<{ summary: ImportSummary }>().summary;
    expect(summary).toMatchObject({ accepted: 1, quarantined: 1 });
    const quarantined = await listQuarantine(ctx.handle.db, summary.batch_id);
    expect(quarantined.map((q) => q.raw['身份证号'])).toEqual([resident107.id_number]);
    expect(quarantined[0]!.problems[0]!.zh).toMatch(/^不属于您的辖区/);
    await server.close();
  });

  it('shows a county batch to each township it touches, which may take back only its own part', async () => {
    const ctx = current();
    const { countyClerk, countyReviewer } = await seedRegistry(ctx);
    const server = await serverFor(ctx);
    const pay101: TemplateRow = { ...templateRow('disbursements'), village_code: village101 };
    const pay102: TemplateRow = { ...templateRow('disbursements'), village_code: village102 };
    const payments = await importAs(ctx, countyClerk, 'disbursements', [
      pay101,
      pay102,
      { ...pay102, record_id: `${pay102.record_id!}-b`, amount: '五百' },
    ]);
    expect(payments).toMatchObject({ accepted: 2, quarantined: 1 });
    await approveAs(ctx, countyReviewer, payments.batch_id, '一行金额有误，其余先生效');

    const admin101 = await createTestUser(ctx, { role: 'admin', jurisdictionCode: town101 });
    const admin107 = await createTestUser(ctx, { role: 'admin', jurisdictionCode: '431226107000' });
    const cookie101 = await sessionCookieFor(ctx, admin101);
    const cookie107 = await sessionCookieFor(ctx, admin107);
    const get = (url: string, cookie: string) =>
      server.inject({ method: 'GET', url, headers: { cookie } });

    const listed = await get('/api/batches', cookie101);
    expect(listed.json<{ batches: { id: number; whole: boolean }[] }>().batches).toContainEqual(
      expect.objectContaining({ id: payments.batch_id, whole: false }),
    );
    const shown = await get(`/api/batches/${payments.batch_id}`, cookie101);
    expect(shown.statusCode).toBe(200);
    // Its quarantine may hold other townships' rows: not for the township.
    expect((await get(`/api/batches/${payments.batch_id}/quarantine`, cookie101)).statusCode).toBe(
      404,
    );
    // A township the batch does not touch sees nothing of it.
    expect((await get(`/api/batches/${payments.batch_id}`, cookie107)).statusCode).toBe(404);
    expect(
      (await get('/api/batches', cookie107))
        .json<{ batches: { id: number }[] }>()
        .batches.map((b) => b.id),
    ).not.toContain(payments.batch_id);

    const rolled = await server.inject({
      method: 'POST',
      url: `/api/batches/${payments.batch_id}/rollback`,
      headers: { cookie: cookie101 },
      payload: { reason: '锦和镇的发放名单有误' },
    });
    expect(rolled.statusCode).toBe(200);
    const part = rolled.json<{
      batch: { id: number; status: string; parentBatchId: number; accepted: number };
    }>().batch;
    expect(part).toMatchObject({ status: 'rolled_back', parentBatchId: payments.batch_id });
    expect(part.accepted).toBe(1);
    const live = await ctx.handle.db
      .selectFrom('ds_disbursements')
      .select(['record_id', 'batch_id'])
      .where('live', '=', 1)
      .execute();
    expect(live).toEqual([{ record_id: pay102.record_id!, batch_id: payments.batch_id }]);
    const original = await get(
      `/api/batches/${payments.batch_id}`,
      await sessionCookieFor(ctx, countyReviewer),
    );
    expect(original.json<{ batch: { status: string; accepted: number } }>().batch).toMatchObject({
      status: 'approved',
      accepted: 1,
    });
    // The township's admin no longer sees the county batch (nothing of it is theirs now),
    // but sees the part it took back.
    expect((await get(`/api/batches/${payments.batch_id}`, cookie101)).statusCode).toBe(404);
    expect((await get(`/api/batches/${part.id}`, cookie101)).statusCode).toBe(200);
    const trail = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['batch.split', 'batch.rollback'])
      .orderBy('seq')
      .execute();
    expect(trail.map((t) => t.action)).toEqual(['batch.split', 'batch.rollback']);
    await server.close();
  });

  it('lets a township review only its own batches, not a county batch that touches it', async () => {
    const ctx = current();
    const { countyClerk } = await seedRegistry(ctx);
    const reviewer101 = await createTestUser(ctx, { role: 'reviewer', jurisdictionCode: town101 });
    const payments = await importAs(ctx, countyClerk, 'disbursements', [
      { ...templateRow('disbursements'), village_code: village101 },
    ]);
    const refused = await approveAs(ctx, reviewer101, payments.batch_id).catch(
      (error: unknown) => error,
    );
    expect(isJianduError(refused) && refused.code).toBe('BATCH_NOT_FOUND');
  });
});
