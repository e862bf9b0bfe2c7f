import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { sessionCookieFor } from '../../test/factories/sessions.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { serverFor } from '../../test/helpers/server.js';

/**
 * Sends the headers of a request announcing a large body, and nothing of the body: the
 * answer comes only if the server decided without reading it.
 */
function answerBeforeBody(
  server: FastifyInstance,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string } | 'waiting for the body'> {
  const { port } = server.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 60_000_000, ...headers },
    });
    const patience = setTimeout(() => {
      request.destroy();
      resolve('waiting for the body');
    }, 10_000);
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        clearTimeout(patience);
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on('error', (error) => {
      clearTimeout(patience);
      reject(error);
    });
    request.flushHeaders();
    request.write('{"username":');
  });
}

describeForEachDatabase('request limits', (current) => {
  it('refuses anonymous and uncredentialled writes before reading their bodies', async () => {
    const server = await serverFor(current());
    await server.listen({ port: 0, host: '127.0.0.1' });
    const anonymous = await answerBeforeBody(server, '/api/users/1/password-reset', {});
    expect(anonymous).toEqual({
      status: 401,
      body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
    });
    const badToken = await answerBeforeBody(server, '/api/exchange/deaths', {
      authorization: 'Bearer nope',
    });
    expect(badToken).toMatchObject({ status: 401 });
    // A public route refuses a body larger than its limit from the announced length alone.
    const login = await answerBeforeBody(server, '/api/session', {});
    expect(login).toEqual({
      status: 413,
      body: JSON.stringify({
        error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大：此接口每次最多接受 64 KB' },
      }),
    });
    await server.close();
  });

  it('takes small JSON bodies unless a route needs more, and uploads of any size up to their own cap', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const cookie = await sessionCookieFor(ctx, clerk);
    const big = await server.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ currentPassword: 'x'.repeat(70_000), newPassword: 'y' }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    const line = '431226195001010011,张三,2024-03-12,火化\n';
    const upload = await server.inject({
      method: 'POST',
      url: '/api/imports?dataset=deaths&fileName=deaths.csv',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`身份证号,姓名,死亡日期,信息来源\n${line.repeat(3_000)}`),
    });
    expect(upload.statusCode).toBe(200);
    const json = await server.inject({
      method: 'POST',
      url: '/api/imports?dataset=deaths&fileName=deaths.csv',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(json.json()).toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: '此接口只接受 application/octet-stream 格式的内容，收到的是 application/json',
      },
    });
    await server.close();
  });

  it('answers huge, negative, fractional or wordy numbers with 400, never 500', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const admin = await createTestUser(ctx, { role: 'admin' });
    const cookie = await sessionCookieFor(ctx, admin);
    const urls = [
      '/api/warnings?limit=1e309',
      '/api/warnings?offset=-1',
      '/api/warnings?offset=99999999999',
      '/api/users/9999999999999999999',
      '/api/users/2147483648',
      '/api/users/1.5',
      '/api/batches?limit=abc',
      '/api/batches/1/quarantine?offset=1e3000',
      '/api/audit?before=-5',
      '/api/warnings/Infinity',
    ];
    for (const url of urls) {
      const response = await server.inject({ method: 'GET', url, headers: { cookie } });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.json<{ error: { code: string } }>().error.code).toBe('INVALID_REQUEST');
    }
    const largest = await server.inject({
      method: 'GET',
      url: '/api/users/2147483647',
      headers: { cookie },
    });
    expect(largest.statusCode).toBe(404);
    await server.close();
  });
});
