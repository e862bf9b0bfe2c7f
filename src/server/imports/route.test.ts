import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { chineseHeaders, writeCsv } from '../../../test/factories/templateFiles.js';
import { templateRow } from '../../../test/factories/templateRows.js';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase, tempDir } from '../../../test/helpers/databases.js';
import { serverFor } from '../../../test/helpers/server.js';
import { datasets } from '../../ingest/datasets/index.js';

const dir = tempDir('jiandu-api-import-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function paymentsCsv(rows: Record<string, string>[]): Buffer {
  const definition = datasets.disbursements;
  const keys = definition.fields.map((f) => f.key);
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  writeCsv(file, chineseHeaders(definition, keys), { keys, rows });
  return fs.readFileSync(file);
}

async function waitForJob(
  server: FastifyInstance,
  cookie: string,
  id: string,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i += 1) {
    const response = await server.inject({
      method: 'GET',
      url: `/api/imports/${id}`,
      headers: { cookie },
    });
    const job = response.json<{ job: Record<string, unknown> }>().job;
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

describeForEachDatabase('imports, batches and exchange over the API', (current) => {
  it('uploads a file, reports progress and quality, serves the quarantine, and takes a second person’s approval', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const reviewer = await createTestUser(ctx, { role: 'reviewer' });
    const clerkCookie = await sessionCookieFor(ctx, clerk);
    const body = paymentsCsv([
      templateRow('disbursements'),
      { ...templateRow('disbursements'), amount: '五百' },
    ]);
    const started = await server.inject({
      method: 'POST',
      url: `/api/imports?dataset=disbursements&fileName=${encodeURIComponent('三月低保.csv')}&source=${encodeURIComponent('县民政局')}`,
      headers: { cookie: clerkCookie, 'content-type': 'application/octet-stream' },
      payload: body,
    });
    expect(started.statusCode).toBe(200);
    const job = await waitForJob(
      server,
      clerkCookie,
      started.json<{ job: { id: string } }>().job.id,
    );
    expect(job).toMatchObject({
      state: 'done',
      fileName: '三月低保.csv',
      progress: { rowsRead: 2, accepted: 1, quarantined: 1 },
    });
    const batchId = (job.summary as { batch_id: number }).batch_id;

    const batch = await server.inject({
      method: 'GET',
      url: `/api/batches/${batchId}`,
      headers: { cookie: clerkCookie },
    });
    expect(batch.json()).toMatchObject({
      batch: {
        id: batchId,
        status: 'pending',
        fileName: '三月低保.csv',
        source: '县民政局',
        uploader: clerk.username,
        quality: { validity: { score: 50 } },
      },
      validityThreshold: 90,
    });
    const quarantine = await server.inject({
      method: 'GET',
      url: `/api/batches/${batchId}/quarantine`,
      headers: { cookie: clerkCookie },
    });
    expect(quarantine.json()).toMatchObject({
      total: 1,
      rows: [
        {
          rowNumber: 3,
          problems: [
            {
              field: 'amount',
              header: '发放金额',
              value: '五百',
              code: 'amount.format',
              reason: '金额不是数字',
            },
          ],
        },
      ],
    });
    const xlsx = await server.inject({
      method: 'GET',
      url: `/api/batches/${batchId}/quarantine.xlsx`,
      headers: { cookie: clerkCookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('原行号');
    expect(header.at(-1)).toBe('问题原因');
    expect(sheet.getRow(2).getCell(header.length).text).toContain('金额不是数字');

    const tooLow = await server.inject({
      method: 'POST',
      url: `/api/batches/${batchId}/approve`,
      headers: { cookie: await sessionCookieFor(ctx, reviewer) },
      payload: {},
    });
    expect(tooLow.json()).toMatchObject({ error: { code: 'QUALITY_BELOW_THRESHOLD' } });
    const approved = await server.inject({
      method: 'POST',
      url: `/api/batches/${batchId}/approve`,
      headers: { cookie: await sessionCookieFor(ctx, reviewer) },
      payload: { override: true, reason: '错误行已另行处理' },
    });
    expect(approved.json()).toMatchObject({
      batch: { status: 'approved', override: true, reviewedBy: reviewer.username },
    });
    await server.close();
  });

  it('tells a clerk plainly when the file is not the template', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const cookie = await sessionCookieFor(ctx, clerk);
    const started = await server.inject({
      method: 'POST',
      url: '/api/imports?dataset=disbursements&fileName=x.csv',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('甲,乙\n1,2\n'),
    });
    const job = await waitForJob(server, cookie, started.json<{ job: { id: string } }>().job.id);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'HEADER_NOT_FOUND' } });
    expect((job.error as { message: string }).message).toContain(
      '找不到“民生资金发放明细”模板的表头',
    );
    const noFile = await server.inject({
      method: 'POST',
      url: '/api/imports?dataset=disbursements&fileName=x.csv',
      headers: { cookie },
    });
    expect(noFile.statusCode).toBe(400);
    await server.close();
  });

  it('accepts a department’s JSON push with its credential, for its own datasets only', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const admin = await createTestUser(ctx, { role: 'admin' });
    const adminCookie = await sessionCookieFor(ctx, admin);
    const created = await server.inject({
      method: 'POST',
      url: '/api/exchange-credentials',
      headers: { cookie: adminCookie },
      payload: { name: '殡葬管理系统', source: '县殡仪馆', datasets: ['deaths'] },
    });
    const { token } = created.json<{ token: string }>();
    expect(token).toMatch(/^jdx_/);
    const death = templateRow('deaths');
    const push = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        rows: [
          {
            身份证号: death.id_number!,
            姓名: death.name!,
            死亡日期: '2024/3/12',
            信息来源: '火化',
          },
          { id_number: 'bad', name: 'x', death_date: '2024-03-12' },
        ],
      },
    });
    expect(push.statusCode).toBe(200);
    expect(push.json()).toMatchObject({
      summary: { status: 'pending', accepted: 1, quarantined: 1, source: '县殡仪馆' },
    });
    const batchId = push.json<{ summary: { batch_id: number } }>().summary.batch_id;
    const batch = await server.inject({
      method: 'GET',
      url: `/api/batches/${batchId}`,
      headers: { cookie: adminCookie },
    });
    expect(batch.json()).toMatchObject({
      batch: { channel: 'exchange', uploader: 'exchange:殡葬管理系统' },
    });

    const other = await server.inject({
      method: 'POST',
      url: '/api/exchange/disbursements',
      headers: { authorization: `Bearer ${token}` },
      payload: { rows: [{ a: 1 }] },
    });
    expect(other.json()).toEqual({
      error: { code: 'EXCHANGE_FORBIDDEN', message: '该凭证无权报送“民生资金发放明细”数据' },
    });
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: { authorization: 'Bearer nope' },
      payload: { rows: [{ a: 1 }] },
    });
    expect(wrong.statusCode).toBe(401);
    const id = created.json<{ credential: { id: number } }>().credential.id;
    await server.inject({
      method: 'DELETE',
      url: `/api/exchange-credentials/${id}`,
      headers: { cookie: adminCookie },
    });
    const revoked = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: { authorization: `Bearer ${token}` },
      payload: { rows: [{ a: 1 }] },
    });
    expect(revoked.json()).toMatchObject({ error: { code: 'EXCHANGE_UNAUTHORISED' } });
    await server.close();
  });

  it('uses a department’s saved column names for its files', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const cookie = await sessionCookieFor(ctx, clerk);
    // Saving column names is a reviewer's (or administrator's) decision.
    const reviewer = await createTestUser(ctx, { role: 'reviewer' });
    const saved = await server.inject({
      method: 'PUT',
      url: `/api/datasets/deaths/header-mappings/${encodeURIComponent('县殡仪馆')}`,
      headers: { cookie: await sessionCookieFor(ctx, reviewer) },
      payload: { mapping: { 逝者证件号: 'id_number', 逝者: 'name', 火化时间: 'death_date' } },
    });
    expect(saved.statusCode).toBe(200);
    const death = templateRow('deaths');
    const started = await server.inject({
      method: 'POST',
      url: `/api/imports?dataset=deaths&fileName=f.csv&source=${encodeURIComponent('县殡仪馆')}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        `逝者,逝者证件号,火化时间,炉号\n${death.name!},${death.id_number!},2024-03-12,3\n`,
      ),
    });
    const job = await waitForJob(server, cookie, started.json<{ job: { id: string } }>().job.id);
    expect(job).toMatchObject({ state: 'done', summary: { accepted: 1, quarantined: 0 } });
    const stored = await ctx.handle.db
      .selectFrom('ds_deaths')
      .select(['name', 'death_date', 'extra'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      name: death.name,
      death_date: '2024-03-12',
      extra: JSON.stringify({ 炉号: '3' }),
    });
    const templates = await server.inject({
      method: 'GET',
      url: '/api/datasets',
      headers: { cookie },
    });
    expect(templates.json<{ datasets: unknown[] }>().datasets).toHaveLength(12);
    const quality = await server.inject({
      method: 'GET',
      url: '/api/datasets/deaths/quality',
      headers: { cookie },
    });
    expect(quality.json()).toMatchObject({ liveRows: 0 });
    const template = await server.inject({
      method: 'GET',
      url: '/api/datasets/residents/template.xlsx',
      headers: { cookie },
    });
    expect(template.statusCode).toBe(200);
    await server.close();
  });
});
