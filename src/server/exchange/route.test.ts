import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { templateRow } from '../../../test/factories/templateRows.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase, type TestContext } from '../../../test/helpers/databases.js';
import { serverFor } from '../../../test/helpers/server.js';
import { exchangeLimits } from '../../ingest/recordsTable.js';

async function deathsCredential(ctx: TestContext, server: FastifyInstance): Promise<string> {
  const admin = await createTestUser(ctx, { role: 'admin' });
  const created = await server.inject({
    method: 'POST',
    url: '/api/exchange-credentials',
    headers: { cookie: await sessionCookieFor(ctx, admin) },
    payload: { name: '殡葬管理系统', source: '县殡仪馆', datasets: ['deaths'] },
  });
  return created.json<{ token: string }>().token;
}

/** The insider's attack: every record carries a key of its own. */
function varyingKeyRecords(count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => ({ [`k${i}`]: `v${i}`, 姓名: '张三' }));
}

describeForEachDatabase('the exchange API under load', (current) => {
  it('refuses records with ever new keys at once, and /api/health answers meanwhile', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const token = await deathsCredential(ctx, server);
    const push = (rows: unknown[]) =>
      server.inject({
        method: 'POST',
        url: '/api/exchange/deaths',
        headers: { authorization: `Bearer ${token}` },
        payload: { rows },
      });

    const [attack, health] = await Promise.all([
      push(varyingKeyRecords(50_000)),
      server.inject({ method: 'GET', url: '/api/health' }),
    ]);
    expect(health.statusCode).toBe(200);
    expect(attack.statusCode).toBe(413);
    expect(attack.json()).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: '提交的内容太大：rows 最多 10000 项，请分批提交',
      },
    });

    // Within the record cap, the keys nobody knows are refused as soon as there are too many.
    const within = await push(varyingKeyRecords(5_000));
    expect(within.statusCode).toBe(400);
    expect(within.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'EXCHANGE_UNKNOWN_KEYS',
      message: expect.stringContaining('记录中不属于“死亡人员信息”模板的字段超过 20 个') as unknown,
    });

    // More bytes than the cap are refused before they are read or parsed.
    const huge = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: `{"rows":[${'"x",'.repeat(exchangeLimits.maxBytes / 4)}"x"]}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大：此接口每次最多接受 4 MB' },
    });
    // A large request is read in the import worker; what it refuses is refused as plainly.
    const large = Array.from({ length: 2_000 }, (_, i) => ({
      身份证号: `43122619500101${String(i).padStart(4, '0')}`,
      name: '张三',
      ...(i === 1_500 ? { ' NAME': '李四' } : {}),
    }));
    const twice = await push(large);
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toEqual({
      error: {
        code: 'INVALID_REQUEST',
        message: '提交的内容有误：第 1501 条记录两次给出字段 NAME（仅空格、全半角或大小写不同）',
      },
    });
    const batches = await ctx.handle.db.selectFrom('ingest_batches').select('id').execute();
    expect(batches).toEqual([]);
    await server.close();
  });

  it('imports a request at the cap, with extra keys, while /api/health keeps answering', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const token = await deathsCredential(ctx, server);
    const rows = Array.from({ length: exchangeLimits.maxRecords }, (_, i) => {
      const death = templateRow('deaths');
      return {
        身份证号: death.id_number!,
        name: death.name!,
        死亡日期: '2024-03-12',
        信息来源: '火化',
        [`附加${i % exchangeLimits.maxUnknownKeys}`]: `第${i}条`,
      };
    });
    let imported = false;
    const importing = server
      .inject({
        method: 'POST',
        url: '/api/exchange/deaths',
        headers: { authorization: `Bearer ${token}` },
        payload: { rows },
      })
      .then((response) => {
        imported = true;
        return response;
      });
    await new Promise((resolve) => setImmediate(resolve));
    const health = await server.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    // The server answered while the records were being validated and written.
    expect(imported).toBe(false);

    const response = await importing;
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      summary: { status: 'pending', accepted: exchangeLimits.maxRecords, quarantined: 0 },
    });
    const stored = await ctx.handle.db
      .selectFrom('ds_deaths')
      .select('extra')
      .where('id_number', '=', rows[21]!.身份证号)
      .executeTakeFirstOrThrow();
    expect(stored.extra).toBe(JSON.stringify({ 附加1: '第21条' }));
    await server.close();
  });

  it('uses the department’s own column names, as for its files', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const token = await deathsCredential(ctx, server);
    // Column names are saved by a reviewer (or administrator) of the jurisdiction.
    const reviewer = await createTestUser(ctx, { role: 'reviewer' });
    await server.inject({
      method: 'PUT',
      url: `/api/datasets/deaths/header-mappings/${encodeURIComponent('县殡仪馆')}`,
      headers: { cookie: await sessionCookieFor(ctx, reviewer) },
      payload: { mapping: { 逝者证件号: 'id_number', 逝者: 'name', 火化时间: 'death_date' } },
    });
    const death = templateRow('deaths');
    const push = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        rows: [
          { 逝者证件号: death.id_number!, 逝者: death.name!, 火化时间: '2024-03-12', 炉号: 3 },
        ],
      },
    });
    expect(push.json()).toMatchObject({
      summary: { accepted: 1, quarantined: 0, header_mapping: { source: '县殡仪馆' } },
    });
    const stored = await ctx.handle.db
      .selectFrom('ds_deaths')
      .select(['name', 'extra'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: death.name, extra: JSON.stringify({ 炉号: '3' }) });
    await server.close();
  });
});
