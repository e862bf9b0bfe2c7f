import { describe, expect, it } from 'vitest';
import { createTestUser, testPassword } from '../../test/factories/users.js';
import { describeForEachDatabase, type TestContext } from '../../test/helpers/databases.js';
import { isJianduError } from '../core/errors.js';
import { accountBackoff, backoffSeconds, clientBackoff, login, type LoginInput } from './login.js';

const attacker = '203.0.113.7';
const office = '198.51.100.20';

function attempt(username: string, password: string, ip: string): LoginInput {
  return { username, password, ip, userAgent: null };
}

/** The error code of a refused sign-in, or 'ok'. */
async function outcome(ctx: TestContext, input: LoginInput, at: Date): Promise<string> {
  try {
    await login(ctx, input, { now: () => at });
    return 'ok';
  } catch (error) {
    if (isJianduError(error)) return error.code;
    throw error;
  }
}

async function failedLogins(ctx: TestContext, id: number): Promise<number> {
  const row = await ctx.handle.db
    .selectFrom('users')
    .select('failed_logins')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.failed_logins;
}

async function auditActions(ctx: TestContext, id: number): Promise<string[]> {
  const rows = await ctx.handle.db
    .selectFrom('audit_log')
    .select(['action', 'entity_ids'])
    .where('entity', '=', 'user')
    .orderBy('seq')
    .execute();
  return rows.filter((r) => r.entity_ids === JSON.stringify([String(id)])).map((r) => r.action);
}

describe('the back-off schedule', () => {
  it('lets the first failures go, then doubles from a few seconds up to a cap', () => {
    expect([1, 4, 5, 6, 7, 11, 40].map((n) => backoffSeconds(n, accountBackoff))).toEqual([
      0, 0, 5, 10, 20, 300, 300,
    ]);
    expect([9, 10, 11, 15, 40].map((n) => backoffSeconds(n, clientBackoff))).toEqual([
      0, 30, 60, 900, 900,
    ]);
  });
});

describeForEachDatabase('signing in under attack', (current) => {
  it('counts twenty parallel wrong passwords, each one, and backs the account off', async () => {
    const ctx = current();
    const user = await createTestUser(ctx, { username: 'target' });
    const at = new Date('2026-03-02T08:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(ctx, attempt('target', `guess-${i}`, attacker), at),
      ),
    );
    expect(new Set(results)).toEqual(new Set(['LOGIN_FAILED']));
    // Every attempt that was looked at is counted: none overwrote another's count (all
    // twenty are looked at when they arrive together, before any is counted).
    const counted = (await auditActions(ctx, user.id)).filter(
      (a) => a === 'auth.login_failed' || a === 'auth.lock',
    ).length;
    expect(await failedLogins(ctx, user.id)).toBe(counted);
    expect(counted).toBeGreaterThanOrEqual(accountBackoff.free);
    const row = await ctx.handle.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until! > at.toISOString()).toBe(true);
    // The right password is refused while the account backs off, like any other attempt.
    expect(await outcome(ctx, attempt('target', testPassword, office), at)).toBe('LOGIN_FAILED');
  });

  it('lets the real user in once the account’s bounded back-off has passed, but not the attacker', async () => {
    const ctx = current();
    await createTestUser(ctx, { username: 'clerk' });
    const start = Date.parse('2026-03-02T08:00:00Z');
    const at = (seconds: number): Date => new Date(start + seconds * 1000);
    // The attacker fires twenty guesses at once, then one a second for a minute.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome(ctx, attempt('clerk', `burst-${i}`, attacker), at(0)),
      ),
    );
    for (let s = 1; s <= 60; s += 1)
      expect(await outcome(ctx, attempt('clerk', `guess-${s}`, attacker), at(s))).toBe(
        'LOGIN_FAILED',
      );
    // Even the right password is refused for now, from anywhere: the account backs off.
    expect(await outcome(ctx, attempt('clerk', testPassword, office), at(61))).toBe('LOGIN_FAILED');
    // Past the account's longest back-off the attacker's own client is still kept out …
    const bound = accountBackoff.capSeconds + 1;
    expect(await outcome(ctx, attempt('clerk', testPassword, attacker), at(bound))).toBe(
      'LOGIN_FAILED',
    );
    // … while the clerk, from a client that has not been failing, gets in.
    expect(await outcome(ctx, attempt('clerk', testPassword, office), at(bound))).toBe('ok');
  });

  it('keeps a client that guesses across many user names out, but not the others', async () => {
    const ctx = current();
    await createTestUser(ctx, { username: 'alice' });
    const at = new Date('2026-03-02T08:00:00Z');
    for (let i = 0; i < clientBackoff.free; i += 1)
      await outcome(ctx, attempt(`nobody${i}`, 'x', attacker), at);
    expect(await outcome(ctx, attempt('alice', testPassword, attacker), at)).toBe('LOGIN_FAILED');
    expect(await outcome(ctx, attempt('alice', testPassword, office), at)).toBe('ok');
    const later = new Date(at.getTime() + (clientBackoff.firstSeconds + 1) * 1000);
    expect(await outcome(ctx, attempt('alice', testPassword, attacker), later)).toBe('ok');
  });
});
