import { expect, it } from 'vitest';
import { sessionCookieFor } from '../../test/factories/sessions.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase, type TestContext } from '../../test/helpers/databases.js';
import { serverFor } from '../../test/helpers/server.js';
import { buildServer } from './buildServer.js';

const evil = 'https://evil.example';

async function adminWithVictim(ctx: TestContext) {
  const admin = await createTestUser(ctx, { role: 'admin' });
  const victim = await createTestUser(ctx, { role: 'clerk' });
  return { cookie: await sessionCookieFor(ctx, admin), victim };
}

describeForEachDatabase('writes from another site', (current) => {
  it('refuses a foreign page’s text/plain password reset and credential revocation', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const { cookie, victim } = await adminWithVictim(ctx);
    const created = await server.inject({
      method: 'POST',
      url: '/api/exchange-credentials',
      headers: { cookie },
      payload: { name: '殡葬管理系统', source: '县殡仪馆', datasets: ['deaths'] },
    });
    const credentialId = created.json<{ credential: { id: number } }>().credential.id;
    const foreign = { cookie, origin: evil, 'content-type': 'text/plain' };

    const reset = await server.inject({
      method: 'POST',
      url: `/api/users/${victim.id}/password-reset`,
      headers: foreign,
      payload: 'x',
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json()).toEqual({
      error: {
        code: 'CROSS_SITE_REQUEST',
        message: '拒绝了来自其他网站的请求，请直接在本系统的页面上操作',
      },
    });
    const revoke = await server.inject({
      method: 'DELETE',
      url: `/api/exchange-credentials/${credentialId}`,
      headers: foreign,
      payload: 'x',
    });
    expect(revoke.statusCode).toBe(403);
    expect(revoke.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });

    const user = await ctx.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBe(victim.password_hash);
    const credential = await ctx.handle.db
      .selectFrom('exchange_credentials')
      .select('active')
      .where('id', '=', credentialId)
      .executeTakeFirstOrThrow();
    expect(Boolean(credential.active)).toBe(true);

    // The console's own requests (same origin) and programs (no Origin) still may.
    const own = await server.inject({
      method: 'POST',
      url: `/api/users/${victim.id}/password-reset`,
      headers: { cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(200);
    const program = await server.inject({
      method: 'DELETE',
      url: `/api/exchange-credentials/${credentialId}`,
      headers: { cookie },
    });
    expect(program.statusCode).toBe(200);
    await server.close();
  });

  it('refuses other sites by Sec-Fetch-Site or Origin, and bodies that are not JSON', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const { cookie, victim } = await adminWithVictim(ctx);
    const reset = (headers: Record<string, string>, payload?: string) =>
      server.inject({
        method: 'POST',
        url: `/api/users/${victim.id}/password-reset`,
        headers: { cookie, ...headers },
        ...(payload === undefined ? {} : { payload }),
      });
    const code = async (headers: Record<string, string>, payload?: string) => {
      const response = await reset(headers, payload);
      return response.statusCode === 200
        ? 'ok'
        : response.json<{ error: { code: string } }>().error.code;
    };
    expect(await code({ 'sec-fetch-site': 'cross-site' })).toBe('CROSS_SITE_REQUEST');
    // Another port of the county's server is the same site, not the same origin.
    expect(await code({ 'sec-fetch-site': 'same-site' })).toBe('CROSS_SITE_REQUEST');
    expect(await code({ origin: 'http://localhost:8081' })).toBe('CROSS_SITE_REQUEST');
    expect(await code({ origin: 'null' })).toBe('CROSS_SITE_REQUEST');
    expect(await code({ origin: 'http://localhost.evil.example' })).toBe('CROSS_SITE_REQUEST');
    expect(await code({ origin: 'HTTP://LOCALHOST:80', 'sec-fetch-site': 'same-origin' })).toBe(
      'ok',
    );
    // Without a trusted proxy its X-Forwarded-Host is the client's word, not the server's name.
    expect(
      await code({
        origin: 'https://jiandu.county.gov.cn',
        'x-forwarded-host': 'jiandu.county.gov.cn',
      }),
    ).toBe('CROSS_SITE_REQUEST');
    expect(await code({ 'content-type': 'text/plain' }, 'x')).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await code({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1')).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );

    const login = await server.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: evil, 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y' }),
    });
    expect(login.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });
    const plain = await server.inject({
      method: 'POST',
      url: '/api/batches/1/reject',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: '{"reason":"x"}',
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json()).toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: '此接口只接受 application/json 格式的内容，收到的是 text/plain',
      },
    });
    // Reading is not a write: a link from another site still opens a page's data.
    const read = await server.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie, origin: evil, 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
    await server.close();
  });

  it('trusts a proxy’s forwarded host and scheme only when told to', async () => {
    const ctx = current();
    await (await serverFor(ctx)).close();
    const server = await buildServer({ ...ctx, config: { ...ctx.config, trustProxy: true } });
    const { cookie, victim } = await adminWithVictim(ctx);
    const reset = (headers: Record<string, string>) =>
      server.inject({
        method: 'POST',
        url: `/api/users/${victim.id}/password-reset`,
        headers: { cookie, ...headers },
      });
    const proxied = { 'x-forwarded-host': 'jiandu.county.gov.cn', 'x-forwarded-proto': 'https' };
    expect((await reset({ ...proxied, origin: 'https://jiandu.county.gov.cn' })).statusCode).toBe(
      200,
    );
    expect((await reset({ ...proxied, origin: 'http://jiandu.county.gov.cn' })).statusCode).toBe(
      403,
    );
    expect((await reset({ ...proxied, origin: 'http://localhost' })).statusCode).toBe(403);
    await server.close();
  });

  it('lets a department’s system push without an Origin check (it has no cookie)', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const { cookie } = await adminWithVictim(ctx);
    const created = await server.inject({
      method: 'POST',
      url: '/api/exchange-credentials',
      headers: { cookie },
      payload: { name: '殡葬管理系统', source: '县殡仪馆', datasets: ['deaths'] },
    });
    const push = await server.inject({
      method: 'POST',
      url: '/api/exchange/deaths',
      headers: {
        authorization: `Bearer ${created.json<{ token: string }>().token}`,
        origin: evil,
        'sec-fetch-site': 'cross-site',
      },
      payload: { rows: [{ 身份证号: 'bad', 姓名: 'x', 死亡日期: '2024-03-12' }] },
    });
    expect(push.json()).toMatchObject({ summary: { quarantined: 1 } });
    await server.close();
  });
});
