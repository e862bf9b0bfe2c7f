import { expect, it } from 'vitest';
import { createTestUser } from '../../../test/factories/users.js';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { describeForEachDatabase } from '../../../test/helpers/databases.js';
import { serverFor, signIn } from '../../../test/helpers/server.js';

describeForEachDatabase('users API', (current) => {
  it('lets an administrator create a user with a one-time password that works once', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const admin = await createTestUser(ctx, { role: 'admin', jurisdictionCode: '431226000000' });
    const cookie = await sessionCookieFor(ctx, admin);
    const created = await server.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: {
        username: 'Zhang.San',
        displayName: '张三',
        role: 'reviewer',
        jurisdictionCode: '431226101',
      },
    });
    expect(created.statusCode).toBe(200);
    const body = created.json<{
      user: { username: string; jurisdictionCode: string; mustChangePassword: boolean };
      oneTimePassword: string;
    }>();
    expect(body.user).toMatchObject({
      username: 'zhang.san',
      jurisdictionCode: '431226101000',
      mustChangePassword: true,
    });
    expect(body.oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    const newCookie = await signIn(server, 'zhang.san', body.oneTimePassword);
    const me = await server.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: newCookie },
    });
    expect(me.json()).toMatchObject({
      user: { role: 'reviewer', mustChangePassword: true },
      jurisdiction: { name: '锦和镇' },
    });
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'user.create')
      .execute();
    expect(audit.at(-1)!.after).toContain('zhang.san');
    expect(audit.at(-1)!.after).not.toContain('argon2');
    await server.close();
  });

  it('refuses an unknown region, one outside the jurisdiction, a duplicate name and a bad role, creating nothing', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const admin = await createTestUser(ctx, { role: 'admin', jurisdictionCode: '431226101000' });
    const cookie = await sessionCookieFor(ctx, admin);
    const attempt = (payload: Record<string, string>) =>
      server.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload });
    const base = {
      username: 'li',
      displayName: '李四',
      role: 'clerk',
      jurisdictionCode: '431226101001',
    };
    expect((await attempt({ ...base, jurisdictionCode: '431226101999' })).json()).toEqual({
      error: {
        code: 'UNKNOWN_REGION',
        message: '区划代码 431226101999 不在全国统计用区划代码表中',
      },
    });
    expect((await attempt({ ...base, jurisdictionCode: '431226102001' })).json()).toEqual({
      error: { code: 'OUT_OF_JURISDICTION', message: '区划 431226102001 不在您的管辖范围内' },
    });
    expect((await attempt({ ...base, role: 'emperor' })).statusCode).toBe(400);
    expect((await attempt({ ...base, username: admin.username })).json()).toEqual({
      error: { code: 'USERNAME_TAKEN', message: `用户名 ${admin.username} 已被使用，请换一个` },
    });
    const users = await ctx.handle.db.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username)).toEqual([admin.username]);
    await server.close();
  });

  it('keeps users away from other roles’ pages', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const cookie = await sessionCookieFor(ctx, clerk);
    const response = await server.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: 'FORBIDDEN', message: '您的角色无权进行此操作' },
    });
    await server.close();
  });
});
