import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { chineseHeaders } from '../../../test/factories/templateFiles.js';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { createTestUser } from '../../../test/factories/users.js';
import { xlsxBomb } from '../../../test/factories/xlsxBomb.js';
import { describeForEachDatabase } from '../../../test/helpers/databases.js';
import { serverFor } from '../../../test/helpers/server.js';
import { datasets } from '../../ingest/datasets/index.js';
import { importLimits, reserveImport, startImportJob } from '../../ingest/importJobs.js';
import { uploadsDirectory } from '../../ingest/uploadFiles.js';

interface JobView {
  id: string;
  state: string;
  queuePosition: number | null;
  error: { code: string; message: string } | null;
}

async function upload(
  server: FastifyInstance,
  cookie: string,
  fileName: string,
  body: Buffer,
): Promise<{ status: number; job?: JobView; error?: { code: string; message: string } }> {
  const response = await server.inject({
    method: 'POST',
    url: `/api/imports?dataset=disbursements&fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: body,
  });
  return { status: response.statusCode, ...response.json<{ job?: JobView; error?: never }>() };
}

async function finished(server: FastifyInstance, cookie: string, id: string): Promise<JobView> {
  for (let i = 0; i < 1200; i += 1) {
    const response = await server.inject({
      method: 'GET',
      url: `/api/imports/${id}`,
      headers: { cookie },
    });
    const job = response.json<{ job: JobView }>().job;
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const header = chineseHeaders(
  datasets.disbursements,
  datasets.disbursements.fields.map((f) => f.key),
);
const paymentsCsv = Buffer.from(`\ufeff${header.join(',')}\r\n`);

describeForEachDatabase('uploads', (current) => {
  it('names the file the clerk uploaded in every error, never the server’s copy', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const cookie = await sessionCookieFor(ctx, await createTestUser(ctx, { role: 'clerk' }));
    const cases: [string, Buffer, string][] = [
      ['三月低保.csv', Buffer.from('\ufeff\r\n,,\r\n'), 'FILE_EMPTY'],
      [
        '四月低保.xlsx',
        Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(3000, 1)]),
        'FILE_UNREADABLE',
      ],
      [
        '五月低保.xls',
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(600),
        ]),
        'FILE_UNREADABLE',
      ],
    ];
    for (const [name, body, code] of cases) {
      const started = await upload(server, cookie, name, body);
      const job = await finished(server, cookie, started.job!.id);
      expect(job.error?.code).toBe(code);
      expect(job.error?.message).toContain(name);
      expect(job.error?.message).not.toContain(uploadsDirectory(ctx));
      expect(job.error?.message).not.toContain('.upload');
    }
    expect(fs.readdirSync(uploadsDirectory(ctx))).toEqual([]);
    await server.close();
  });

  it('refuses a decompression bomb plainly, and leaves no batch half done', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const cookie = await sessionCookieFor(ctx, await createTestUser(ctx, { role: 'clerk' }));

    // A workbook that says it unzips to more than a gigabyte: refused before anything else.
    const honest = xlsxBomb({ sheetBytes: 1100 * 1024 * 1024, header });
    expect(honest.length).toBeLessThan(8 * 1024 * 1024);
    const big = await finished(
      server,
      cookie,
      (await upload(server, cookie, '炸弹.xlsx', honest)).job!.id,
    );
    expect(big.error?.code).toBe('FILE_TOO_LARGE');
    expect(big.error?.message).toContain('炸弹.xlsx');
    expect(big.error?.message).toContain('解压后超过 1024 MB');
    expect(await ctx.handle.db.selectFrom('ingest_batches').select('id').execute()).toEqual([]);

    // One that understates it: found out as soon as it unzips to more than it said, by
    // then some rows are written; they go, and the batch is failed.
    const liar = xlsxBomb({
      sheetBytes: 64 * 1024 * 1024,
      declaredSheetBytes: 640 * 1024,
      header,
      unit: '<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c></row>',
    });
    const lied = await finished(
      server,
      cookie,
      (await upload(server, cookie, '骗子.xlsx', liar)).job!.id,
    );
    expect(lied.error?.code).toBe('FILE_UNREADABLE');
    expect(lied.error?.message).toContain('骗子.xlsx');
    const batches = await ctx.handle.db
      .selectFrom('ingest_batches')
      .select(['id', 'status', 'error'])
      .execute();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ status: 'failed' });
    expect(batches[0]!.error).toContain('骗子.xlsx');
    expect(batches[0]!.error).not.toContain(uploadsDirectory(ctx));
    const quarantined = await ctx.handle.db
      .selectFrom('ingest_quarantine')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(quarantined.n).toBe(0);
    const audited = await ctx.handle.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'batch.rows')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
    expect(fs.readdirSync(uploadsDirectory(ctx))).toEqual([]);
    await server.close();
  });

  it('runs a few imports at once, queues the next ones, and refuses beyond the queue or a user’s share', async () => {
    const ctx = current();
    Object.assign(ctx.config, { maxImports: 1, importQueue: 1, importsPerUser: 2 });
    const server = await serverFor(ctx);
    const first = await createTestUser(ctx, { role: 'clerk' });
    const firstCookie = await sessionCookieFor(ctx, first);
    const second = await createTestUser(ctx, { role: 'clerk' });
    const secondCookie = await sessionCookieFor(ctx, second);

    // Another user's import holds the one place to run until it is let go.
    let letGo = (): void => undefined;
    const limits = importLimits(ctx.config);
    startImportJob(
      reserveImport(second.id, limits),
      limits,
      { jurisdictionCode: second.jurisdiction_code },
      'disbursements',
      'held.csv',
      () => new Promise((_, reject) => (letGo = () => reject(new Error('let go')))),
      () => ({ code: 'INTERNAL', message: { zh: '', en: '' } }),
    );

    const queued = await upload(server, firstCookie, '排队.csv', paymentsCsv);
    expect(queued.status).toBe(200);
    expect(queued.job).toMatchObject({ state: 'queued', queuePosition: 1 });

    const busy = await upload(server, secondCookie, '满了.csv', paymentsCsv);
    expect(busy.status).toBe(503);
    expect(busy.error?.code).toBe('IMPORTS_BUSY');
    expect(busy.error?.message).toContain('请过几分钟再上传');
    expect(fs.readdirSync(uploadsDirectory(ctx))).toHaveLength(1);

    ctx.config.importQueue = 5;
    const again = await upload(server, firstCookie, '又一个.csv', paymentsCsv);
    expect(again.job).toMatchObject({ state: 'queued', queuePosition: 2 });
    const share = await upload(server, firstCookie, '第三个.csv', paymentsCsv);
    expect(share.status).toBe(429);
    expect(share.error).toMatchObject({ code: 'IMPORTS_PER_USER' });
    expect(share.error?.message).toContain('您已有 2 个文件正在导入或排队');

    letGo();
    for (const job of [queued.job!, again.job!]) {
      expect(await finished(server, firstCookie, job.id)).toMatchObject({ state: 'done' });
    }
    expect(fs.readdirSync(uploadsDirectory(ctx))).toEqual([]);
    // With the queue empty, a user's next upload is taken again.
    const next = await upload(server, firstCookie, '下一个.csv', paymentsCsv);
    expect(next.job?.state).toBe('running');
    expect(await finished(server, firstCookie, next.job!.id)).toMatchObject({ state: 'done' });
    await server.close();
  });
});
