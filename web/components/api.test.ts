// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, createApiClient, errorMessage } from './api';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function fakeFetch(response: Response | (() => Promise<Response>)) {
  return vi.fn<typeof fetch>((_input, _init) =>
    typeof response === 'function' ? response() : Promise.resolve(response),
  );
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the parsed JSON of a successful answer', async () => {
    const fetch = fakeFetch(jsonResponse(200, { user: { id: 1 } }));
    const client = createApiClient({ fetch });
    await expect(client.get('/api/me')).resolves.toEqual({ user: { id: 1 } });
  });

  it('sends JSON with a content type only when there is a body, and same-origin credentials', async () => {
    const fetch = fakeFetch(jsonResponse(200, { ok: true }));
    const client = createApiClient({ fetch });

    await client.post('/api/session', { username: 'admin', password: 'x' });
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/session');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"username":"admin","password":"x"}');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');

    fetch.mockResolvedValueOnce(jsonResponse(200, { ok: true }));
    await client.post('/api/users/3/password-reset');
    const [, bare] = fetch.mock.calls[1]!;
    expect(bare?.body).toBeUndefined();
    expect(bare?.credentials).toBe('same-origin');
    expect(bare?.headers as Record<string, string>).not.toHaveProperty('content-type');

    fetch.mockResolvedValueOnce(jsonResponse(200, { ok: true }));
    await client.delete('/api/session');
    const [, deletion] = fetch.mock.calls[2]!;
    expect(deletion?.method).toBe('DELETE');
    expect(deletion?.headers as Record<string, string>).not.toHaveProperty('content-type');
  });

  it('uploads a file as its raw bytes, and reads a JSON error of the upload', async () => {
    const fetch = fakeFetch(jsonResponse(200, { job: { id: 'j1' } }));
    const client = createApiClient({ fetch });
    const file = new Blob(['发放记录号,姓名\nA,张三\n'], { type: 'text/csv' });
    await expect(client.upload('/api/imports?dataset=x&fileName=a.csv', file)).resolves.toEqual({
      job: { id: 'j1' },
    });
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/imports?dataset=x&fileName=a.csv');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe(file);
    expect((init?.headers as Record<string, string>)['content-type']).toBe(
      'application/octet-stream',
    );

    fetch.mockResolvedValueOnce(
      jsonResponse(400, { error: { code: 'UNKNOWN_DATASET', message: '未知的数据集 x' } }),
    );
    const error = await caught(client.upload('/api/imports?dataset=x&fileName=a.csv', file));
    expect(error).toMatchObject({
      code: 'UNKNOWN_DATASET',
      status: 400,
      message: '未知的数据集 x',
    });
  });

  it('turns the server error body into an ApiError with its code, status and message', async () => {
    const fetch = fakeFetch(
      jsonResponse(423, {
        error: {
          code: 'ACCOUNT_LOCKED',
          message: '密码错误次数过多，账号已暂时锁定，请 15 分钟后再试',
        },
      }),
    );
    const error = await caught(createApiClient({ fetch }).post('/api/session', {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      status: 423,
      message: '密码错误次数过多，账号已暂时锁定，请 15 分钟后再试',
    });
    expect(errorMessage(error)).toBe('密码错误次数过多，账号已暂时锁定，请 15 分钟后再试');
  });

  it('reports a network failure in the interface language', async () => {
    const failing = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const zh = await caught(createApiClient({ fetch: failing, language: () => 'zh' }).get('/x'));
    expect(zh).toMatchObject({
      code: 'NETWORK',
      status: 0,
      message: '无法连接服务器，请检查网络后重试',
    });
    const en = await caught(createApiClient({ fetch: failing, language: () => 'en' }).get('/x'));
    expect(en).toMatchObject({ code: 'NETWORK', status: 0 });
    expect((en as ApiError).message).toMatch(/cannot reach the server/i);
  });

  it('reports an answer that is not the API’s JSON (a proxy error page) with its status', async () => {
    const fetch = fakeFetch(
      new Response('<html>502 Bad Gateway</html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      }),
    );
    const error = await caught(createApiClient({ fetch, language: () => 'en' }).get('/api/me'));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
    expect((error as ApiError).message).toContain('502');
  });

  it('rejects a successful answer that is not JSON', async () => {
    const fetch = fakeFetch(new Response('<html>index</html>', { status: 200 }));
    const error = await caught(createApiClient({ fetch }).get('/api/me'));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('passes an abort through untouched, so callers can ignore it', async () => {
    const fetch = fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const error = await caught(createApiClient({ fetch }).get('/api/me'));
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('uses the global fetch at call time', async () => {
    const fetch = fakeFetch(
      jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const error = await caught(api.get('/api/me'));
    expect(fetch).toHaveBeenCalledOnce();
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: '请先登录' });
  });
});
