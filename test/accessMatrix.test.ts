import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { RegisteredRoute } from '../src/server/buildServer.js';
import { roles, type Role } from '../src/api/roles.js';
import { createTestUser } from './factories/users.js';
import { sessionCookieFor } from './factories/sessions.js';
import { describeForEachDatabase, tempDir, type TestContext } from './helpers/databases.js';
import { serverFor } from './helpers/server.js';
import path from 'node:path';
import { scopeOf } from '../src/auth/scope.js';
import { datasets } from '../src/ingest/datasets/index.js';
import { importFile } from '../src/ingest/importFile.js';
import { chineseHeaders, writeCsv } from './factories/templateFiles.js';
import { templateRow } from './factories/templateRows.js';

/**
 * A user scoped to one township (锦和镇, 431226101) must get nothing of another township
 * (江口墟镇, 431226102) from any API route: the test walks every registered route with the
 * other township's identifiers in every parameter, for every role.
 */

const townA = '431226101000';
const townB = '431226102000';
const bCodePrefix = '431226102';

interface Other {
  userId: number;
  username: string;
  displayName: string;
  batchId: number;
}

async function seedOtherTownship(ctx: TestContext): Promise<Other> {
  const user = await createTestUser(ctx, {
    username: 'b-marker-user',
    displayName: '江口墟镇标记人',
    role: 'admin',
    jurisdictionCode: townB,
  });
  // A batch of the other township, whose file name and a quarantined value carry the marker.
  const file = path.join(tempDir(), `${user.display_name}.csv`);
  const definition = datasets.deaths;
  const keys = definition.fields.map((f) => f.key);
  writeCsv(file, chineseHeaders(definition, keys), {
    keys,
    rows: [templateRow('deaths'), { ...templateRow('deaths'), death_date: user.display_name }],
  });
  const summary = await importFile(ctx, {
    dataset: 'deaths',
    filePath: file,
    actor: { id: user.id, name: user.username },
    scope: scopeOf(townB),
  });
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    batchId: summary.batch_id,
  };
}

function schemaProperties(schema: unknown): Record<string, { type?: unknown; anyOf?: unknown }> {
  if (typeof schema === 'object' && schema !== null && 'properties' in schema) {
    return (schema as { properties: Record<string, { type?: unknown }> }).properties;
  }
  return {};
}

/** A value aimed at the other township for a parameter of this name. */
function hostileValue(name: string, other: Other, route = ''): string | number {
  const lower = name.toLowerCase();
  if (lower === 'id') return route.includes('batches') ? other.batchId : other.userId;
  if (lower.endsWith('id')) return other.userId;
  if (lower.includes('code') || lower === 'parent' || lower.includes('jurisdiction')) return townB;
  if (lower.includes('username')) return other.username;
  if (lower === 'role') return 'admin';
  if (lower === 'limit') return 500;
  if (lower === 'before') return 1_000_000;
  if (lower === 'entity') return 'user';
  if (lower === 'dataset' || lower === 'key') return 'deaths';
  if (lower === 'format') return 'csv';
  if (lower === 'filename' || lower === 'source') return 'x.csv';
  return 'Hostile-value-123';
}

function requestFor(
  route: RegisteredRoute,
  other: Other,
): { url: string; payload?: Record<string, unknown> } {
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
    String(hostileValue(name, other, route.url)),
  );
  const query = Object.keys(schemaProperties(route.schema.querystring))
    .map((name) => `${name}=${encodeURIComponent(String(hostileValue(name, other)))}`)
    .join('&');
  const bodyProps = Object.keys(schemaProperties(route.schema.body));
  const payload =
    bodyProps.length > 0
      ? Object.fromEntries(bodyProps.map((name) => [name, hostileValue(name, other)]))
      : undefined;
  return { url: query ? `${url}?${query}` : url, ...(payload ? { payload } : {}) };
}

async function walk(
  server: FastifyInstance,
  cookie: string,
  other: Other,
  role: Role,
): Promise<{ leaks: string[]; answered: string[] }> {
  const leaks: string[] = [];
  const answered: string[] = [];
  const routes = server.routeCatalogue
    .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
    // Signing out last keeps the session for the other routes.
    .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  for (const route of routes) {
    const { url, payload } = requestFor(route, other);
    const response = await server.inject({
      method: route.method as 'GET',
      url,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });
    const body = response.body;
    if (response.statusCode < 300) answered.push(`${route.method} ${route.url}`);
    const where = `${role} ${route.method} ${url} → ${response.statusCode}`;
    if (body.includes(other.username) || body.includes(other.displayName))
      leaks.push(`${where}: names the other user`);
    if (response.statusCode < 300 && route.access !== 'public' && body.includes(bCodePrefix)) {
      leaks.push(`${where}: returns data of the other township`);
    }
  }
  return { leaks, answered };
}

describeForEachDatabase('jurisdiction scope on every route', (current) => {
  it('declares the access of every API route through defineRoute', async () => {
    const server = await serverFor(current());
    const api = server.routeCatalogue.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThan(8);
    expect(api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`)).toEqual(
      [],
    );
    await server.close();
  });

  it('gives a township user nothing of another township, whatever the role', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const other = await seedOtherTownship(ctx);
    const before = await ctx.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', other.userId)
      .executeTakeFirst();

    // The markers are reachable: a county administrator does see them.
    const county = await createTestUser(ctx, { role: 'admin', jurisdictionCode: '431226000000' });
    const countyCookie = await sessionCookieFor(ctx, county);
    const seen = await server.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: countyCookie },
    });
    expect(seen.body).toContain(other.displayName);
    const audit = await server.inject({
      method: 'GET',
      url: '/api/audit',
      headers: { cookie: countyCookie },
    });
    expect(audit.body).toContain(bCodePrefix);

    const leaks: string[] = [];
    for (const role of roles) {
      const user = await createTestUser(ctx, { role, jurisdictionCode: townA });
      const result = await walk(server, await sessionCookieFor(ctx, user), other, role);
      leaks.push(...result.leaks);
      // The walk reached real answers, not only refusals.
      expect(result.answered).toContain('GET /api/me');
      if (role === 'admin')
        expect(result.answered).toEqual(
          expect.arrayContaining(['GET /api/users', 'GET /api/audit']),
        );
    }
    expect(leaks).toEqual([]);

    // Nothing of the other user changed, except that the public sign-in route counted the
    // walk's wrong passwords against the name it was given: that lockout is by design
    // (a limit on failed sign-ins, as 等保 requires) and is not an access to data.
    const after = await ctx.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', other.userId)
      .executeTakeFirst();
    const { failed_logins: _f1, locked_until: _l1, ...beforeRest } = before!;
    const { failed_logins: _f2, locked_until: _l2, ...afterRest } = after!;
    expect(afterRest).toEqual(beforeRest);
    const sessionsOfOther = await ctx.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', other.userId)
      .execute();
    expect(sessionsOfOther).toEqual([]);
    await server.close();
  });
});
