import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../../test/helpers/databases.js';
import { serverFor, sessionCookieOf, signIn } from '../../../test/helpers/server.js';
import { createTestUser, testPassword } from '../../../test/factories/users.js';

describeForEachDatabase('sessions', (current) => {
  it('signs in with a secure session cookie and signs out', async () => {
    const server = await serverFor(current());
    await createTestUser(current(), { username: 'alice', role: 'inspector' });
    const response = await server.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: '127.0.0.1:8080' },
      payload: { username: 'Alice', password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^jiandu_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Secure');
    const cookie = sessionCookieOf(response);
    const me = await server.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: 'alice', role: 'inspector' },
      jurisdiction: { code: '431226000000', fullName: '湖南省 怀化市 麻阳苗族自治县' },
    });
    const out = await server.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await server.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    await server.close();
  });

  it('refuses a wrong password in plain Chinese (or English) and changes nothing else', async () => {
    const server = await serverFor(current());
    await createTestUser(current(), { username: 'bob' });
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'bob', password: 'not-it' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: {
        code: 'LOGIN_FAILED',
        message: '用户名或密码错误；如已连续输错多次，请等几分钟再试',
      },
    });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await server.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(unknown.json()).toEqual({
      error: {
        code: 'LOGIN_FAILED',
        message:
          'Wrong user name or password; after repeated failures, wait a few minutes and try again',
      },
    });
    const sessions = await current().handle.db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toEqual([]);
    await server.close();
  });

  it('backs an account off after five wrong passwords, answering as for any wrong password', async () => {
    const server = await serverFor(current());
    await createTestUser(current(), { username: 'carol' });
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const r = await server.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'carol', password: 'no' },
      });
      codes.push(r.json<{ error: { code: string } }>().error.code);
    }
    expect(codes).toEqual([
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
      'LOGIN_FAILED',
    ]);
    const right = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'carol', password: testPassword },
    });
    expect(right.statusCode).toBe(401);
    const actions = await current()
      .handle.db.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user')
      .execute();
    expect(actions.map((a) => a.action)).toContain('auth.lock');
    await server.close();
  });

  it('counts twenty parallel wrong passwords through the route, each one', async () => {
    const server = await serverFor(current());
    const user = await createTestUser(current(), { username: 'erin' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.inject({
          method: 'POST',
          url: '/api/session',
          remoteAddress: '203.0.113.7',
          payload: { username: 'erin', password: `guess-${i}` },
        }),
      ),
    );
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([401]));
    const db = current().handle.db;
    const counted = (
      await db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'user')
        .where('entity_ids', '=', JSON.stringify([String(user.id)]))
        .where('action', 'in', ['auth.login_failed', 'auth.lock'])
        .execute()
    ).length;
    const row = await db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(counted);
    expect(counted).toBeGreaterThanOrEqual(5);
    expect(row.locked_until! > new Date().toISOString()).toBe(true);
    // The right password, even from another client, waits for the back-off.
    const right = await server.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '198.51.100.20',
      payload: { username: 'erin', password: testPassword },
    });
    expect(right.statusCode).toBe(401);
    await server.close();
  });

  it('answers an unknown user, a backing-off account and a wrong password alike', async () => {
    const server = await serverFor(current());
    await createTestUser(current(), { username: 'frank' });
    await createTestUser(current(), { username: 'grace' });
    const post = (username: string, password: string, remoteAddress: string) =>
      server.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress,
        payload: { username, password },
      });
    for (let i = 0; i < 5; i += 1) await post('grace', `guess-${i}`, '203.0.113.8');
    const answers = [
      await post('frank', 'wrong-password-1', '198.51.100.1'),
      await post('nobody-here', 'wrong-password-1', '198.51.100.2'),
      // The right password of an account that is backing off.
      await post('grace', testPassword, '198.51.100.3'),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401]);
    expect(answers[1]!.body).toBe(answers[0]!.body);
    expect(answers[2]!.body).toBe(answers[0]!.body);
    expect(answers.map((a) => a.headers['set-cookie'])).toEqual([undefined, undefined, undefined]);
    await server.close();
  });

  it('requires a one-time password to be replaced before anything else', async () => {
    const server = await serverFor(current());
    await createTestUser(current(), { username: 'dave', mustChangePassword: true });
    const cookie = await signIn(server, 'dave');
    const blocked = await server.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const weak = await server.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { currentPassword: testPassword, newPassword: 'short1' },
    });
    expect(weak.json()).toEqual({
      error: { code: 'WEAK_PASSWORD', message: '新密码至少 10 位，且须同时包含字母和数字' },
    });
    const badCurrent = await server.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { currentPassword: 'wrong', newPassword: 'a-much-better-1' },
    });
    expect(badCurrent.statusCode).toBe(401);
    const changed = await server.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { currentPassword: testPassword, newPassword: 'a-much-better-1' },
    });
    expect(changed.statusCode).toBe(200);
    const allowed = await server.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(allowed.statusCode).toBe(200);
    await signIn(server, 'dave', 'a-much-better-1');
    await server.close();
  });

  it('rejects malformed bodies with a clear message', async () => {
    const server = await serverFor(current());
    const response = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'INVALID_REQUEST', message: '提交的内容有误：缺少 password' },
    });
    const english = await server.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: 'jiandu_lang=en' },
      payload: { username: '', password: 'x', extra: 1 },
    });
    expect(english.json()).toEqual({
      error: {
        code: 'INVALID_REQUEST',
        message: 'Invalid request: unknown field extra',
      },
    });
    await server.close();
  });
});
