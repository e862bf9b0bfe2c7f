import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../src/auth/scope.js';
import type { Dialect } from '../src/db/openDatabase.js';
import { datasetKeys } from '../src/ingest/datasetDefinition.js';
import { datasets } from '../src/ingest/datasets/index.js';
import { importFile } from '../src/ingest/importFile.js';
import type { RegisteredRoute } from '../src/server/buildServer.js';
import { sessionCookieFor } from './factories/sessions.js';
import { chineseHeaders, writeCsv } from './factories/templateFiles.js';
import { templateRow } from './factories/templateRows.js';
import { createTestUser } from './factories/users.js';
import {
  availableDialects,
  createTestContext,
  tempDir,
  type TestContext,
} from './helpers/databases.js';
import { serverFor } from './helpers/server.js';

/**
 * Every API route, driven with random and hostile paths, query strings and bodies, by an
 * administrator, a township clerk, a department system and nobody: no answer is a 5xx, and
 * every refusal is `{ error: { code, message } }` with a message a clerk can read.
 */

const township = '431226101000';

const hostileTexts = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e309',
  '-1e309',
  'Infinity',
  'NaN',
  '9999999999999999999',
  '2147483648',
  '0x10',
  'abc',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '😀👨‍👩‍👧',
  '\u0000',
  '\u202e',
  '锦和镇',
  '431226199001011234',
  '431226101000',
  'x'.repeat(3_000),
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileTexts),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** A value this parameter might really take, so that routes are also reached past validation. */
function plausible(name: string, ids: number[]): fc.Arbitrary<string> {
  const lower = name.toLowerCase();
  if (lower === 'id' || lower.endsWith('id') || lower === 'before' || lower === 'fixes')
    return fc.constantFrom(...ids.map(String), '1');
  if (lower === 'dataset' || lower === 'key') return fc.constantFrom(...datasetKeys);
  if (lower === 'format') return fc.constantFrom('csv', 'xlsx');
  if (lower.includes('code') || lower === 'parent' || lower === 'division')
    return fc.constantFrom('431226000000', township, '431226102000', '43');
  if (lower === 'limit' || lower === 'offset') return fc.constantFrom('0', '1', '50', '500');
  if (lower === 'status')
    return fc.constantFrom('open', 'cleared', 'dismissed', 'resolved', 'pending', 'approved');
  if (lower === 'order') return fc.constantFrom('score', 'learned');
  if (lower === 'severity') return fc.constantFrom('高', '中', '低');
  if (lower === 'queue') return fc.constantFrom('triage', 'overdue', 'review', 'mine', 'office');
  if (lower === 'rule') return fc.constantFrom('R01', 'R16');
  if (lower === 'entity') return fc.constantFrom('user', 'batch');
  if (lower === 'all') return fc.constantFrom('true', 'false');
  if (lower === 'source') return fc.constantFrom('县殡仪馆', '民政局');
  if (lower === 'filename') return fc.constantFrom('a.csv', '../x.xlsx');
  return hostileText;
}

function propertyNames(schema: unknown): string[] {
  if (typeof schema === 'object' && schema !== null && 'properties' in schema)
    return Object.keys((schema as { properties: Record<string, unknown> }).properties);
  return [];
}

const jsonLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const jsonAny: fc.Arbitrary<unknown> = fc.oneof(
  jsonLeaf,
  fc.array(jsonLeaf, { maxLength: 4 }),
  fc.dictionary(hostileText, jsonLeaf, { maxKeys: 4 }),
  fc.array(fc.dictionary(hostileText, jsonLeaf, { maxKeys: 4 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const rawJsonTexts = [
  '{',
  '{"a":',
  'nul',
  '',
  ' ',
  '"text"',
  '[]',
  '1e309',
  '{"limit":1e309,"id":-1e309}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"a":{"__proto__":{"polluted":"yes"}}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"rows":[{"__proto__":"x"}]}',
  '{"rows":[{"constructor":{"prototype":{"polluted":"yes"}}}]}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"rows":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
  '\uFEFF{}',
  '{"a":"\\ud800"}',
];

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/xml',
  'application/json-patch+json',
  ';',
];

interface Body {
  contentType?: string;
  payload: string;
}

/** Exchange records: template keys (of any dataset) and others, with any values. */
const templateKeys = Object.values(datasets).flatMap((d) =>
  d.fields.flatMap((f) => [f.key, f.header]),
);
const records: fc.Arbitrary<unknown> = fc.array(
  fc.dictionary(fc.oneof(fc.constantFrom(...templateKeys), hostileText), jsonLeaf, {
    maxKeys: 6,
  }),
  { maxLength: 5 },
);

function bodyOf(route: RegisteredRoute): fc.Arbitrary<Body | null> {
  const names = propertyNames(route.schema.body);
  const shaped = fc
    .record(
      Object.fromEntries(
        names.map((name) => [name, name === 'rows' ? fc.oneof(records, jsonAny) : jsonAny]),
      ),
      { requiredKeys: [] },
    )
    .map((value) => ({ contentType: 'application/json', payload: JSON.stringify(value) }));
  return fc.oneof(
    fc.constant(null),
    shaped,
    jsonAny.map((value) => ({
      contentType: 'application/json',
      payload: JSON.stringify(value) ?? 'null',
    })),
    fc
      .constantFrom(...rawJsonTexts)
      .map((payload) => ({ contentType: 'application/json', payload })),
    fc.record({ contentType: fc.constantFrom(...contentTypes), payload: hostileText }),
    hostileText.map((payload) => ({ payload })),
  );
}

interface Attempt {
  params: Record<string, string>;
  rawPath: string | null;
  query: [string, string][];
  rawQuery: string | null;
  body: Body | null;
}

function attemptFor(route: RegisteredRoute, ids: number[]): fc.Arbitrary<Attempt> {
  const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const known = propertyNames(route.schema.querystring);
  const junk = ['__proto__', 'constructor', 'a[b]', 'limit[]', ''];
  const pair = (names: string[]) =>
    fc
      .constantFrom(...names)
      .chain((name) => fc.tuple(fc.constant(name), fc.oneof(plausible(name, ids), hostileText)));
  return fc.record({
    params: fc.record(
      Object.fromEntries(
        paramNames.map((name) => [name, fc.oneof(plausible(name, ids), hostileText)]),
      ),
    ),
    // Escapes the router must decode (or refuse), sent as they are.
    rawPath: fc.option(fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '..', '%2F', '%C0%AF'), {
      freq: 5,
    }),
    query: fc.array(
      known.length > 0
        ? fc.oneof({ arbitrary: pair(known), weight: 6 }, { arbitrary: pair(junk), weight: 1 })
        : pair(junk),
      { maxLength: 4 },
    ),
    rawQuery: fc.option(fc.constantFrom('&&&', '=', '%', 'limit=%zz', 'a=1&a=2&a=3', 'limit'), {
      freq: 6,
    }),
    body: bodyOf(route),
  });
}

function urlOf(route: RegisteredRoute, attempt: Attempt): string {
  const pathPart = route.url.replace(
    /:(\w+)/g,
    (_m, name: string) => attempt.rawPath ?? encodeURIComponent(attempt.params[name] ?? ''),
  );
  const query = attempt.query
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .concat(attempt.rawQuery === null ? [] : [attempt.rawQuery])
    .join('&');
  return query ? `${pathPart}?${query}` : pathPart;
}

type CallerKind = 'admin' | 'clerk' | 'exchange' | 'anonymous';

async function headersFor(
  ctx: TestContext,
  server: FastifyInstance,
  kind: CallerKind,
): Promise<Record<string, string>> {
  if (kind === 'anonymous') return {};
  if (kind === 'exchange') {
    const admin = await createTestUser(ctx, { role: 'admin' });
    const created = await server.inject({
      method: 'POST',
      url: '/api/exchange-credentials',
      headers: { cookie: await sessionCookieFor(ctx, admin) },
      payload: { name: '殡葬管理系统', source: '县殡仪馆', datasets: [...datasetKeys] },
    });
    return { authorization: `Bearer ${created.json<{ token: string }>().token}` };
  }
  // A fresh user per route: a route that resets passwords or signs out cannot spoil the next.
  const user =
    kind === 'admin'
      ? await createTestUser(ctx, { role: 'admin' })
      : await createTestUser(ctx, { role: 'clerk', jurisdictionCode: township });
  return { cookie: await sessionCookieFor(ctx, user) };
}

/** A batch with a quarantined row, so that ids lead somewhere. */
async function seed(ctx: TestContext): Promise<number[]> {
  const clerk = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: township });
  const file = path.join(tempDir(), 'deaths.csv');
  const definition = datasets.deaths;
  const keys = definition.fields.map((f) => f.key);
  writeCsv(file, chineseHeaders(definition, keys), {
    keys,
    rows: [templateRow('deaths'), { ...templateRow('deaths'), death_date: '明天' }],
  });
  const summary = await importFile(ctx, {
    dataset: 'deaths',
    filePath: file,
    actor: { id: clerk.id, name: clerk.username },
    scope: scopeOf(township),
  });
  return [summary.batch_id, clerk.id];
}

function problemWith(status: number, text: string): string | null {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
  if (
    typeof error?.code !== 'string' ||
    error.code === '' ||
    typeof error.message !== 'string' ||
    error.message.trim() === ''
  )
    return `answered ${status} without { error: { code, message } }: ${text.slice(0, 200)}`;
  return null;
}

function integerSchemasWithoutBounds(schema: unknown, where: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own =
    node.type === 'integer' &&
    (typeof node.minimum !== 'number' || typeof node.maximum !== 'number')
      ? [where]
      : [];
  return own.concat(
    Object.entries(node).flatMap(([key, child]) =>
      typeof child === 'object' ? integerSchemasWithoutBounds(child, `${where}.${key}`) : [],
    ),
  );
}

const runsPerDialect: Record<Dialect, number> = { sqlite: 50, postgres: 10 };

describe('every route, fuzzed', () => {
  it('takes only bounded integers in paths, queries and bodies', async () => {
    const ctx = await createTestContext('sqlite');
    const server = await serverFor(ctx);
    const unbounded = server.routeCatalogue.flatMap((route) =>
      (['params', 'querystring', 'body'] as const).flatMap((part) =>
        integerSchemasWithoutBounds(route.schema[part], `${route.method} ${route.url} ${part}`),
      ),
    );
    expect(unbounded).toEqual([]);
    await server.close();
    await ctx.destroy();
  });

  for (const dialect of availableDialects()) {
    it(`answers hostile requests with 4xx and a readable error, never 5xx [${dialect}]`, async () => {
      const ctx = await createTestContext(dialect);
      const server = await serverFor(ctx);
      try {
        const ids = await seed(ctx);
        const routes = server.routeCatalogue.filter(
          (r) => r.url.startsWith('/api/') && r.method !== 'HEAD',
        );
        let requests = 0;
        for (const route of routes) {
          const kinds: CallerKind[] =
            route.access === 'exchange'
              ? ['exchange', 'anonymous']
              : ['admin', 'clerk', 'anonymous'];
          for (const kind of kinds) {
            const headers = await headersFor(ctx, server, kind);
            await fc.assert(
              fc.asyncProperty(attemptFor(route, ids), async (attempt) => {
                const url = urlOf(route, attempt);
                const response = await server.inject({
                  method: route.method as 'GET',
                  url,
                  headers: {
                    ...headers,
                    ...(attempt.body?.contentType
                      ? { 'content-type': attempt.body.contentType }
                      : {}),
                  },
                  ...(attempt.body ? { payload: attempt.body.payload } : {}),
                });
                requests += 1;
                const problem = problemWith(response.statusCode, response.body);
                if (problem) throw new Error(`${kind} ${route.method} ${url}: ${problem}`);
              }),
              { numRuns: runsPerDialect[dialect] },
            );
          }
        }
        expect(requests).toBeGreaterThan(routes.length * 2 * runsPerDialect[dialect]);
        // Nothing a request carried reached the prototypes of the server's objects.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      } finally {
        await server.close();
        await ctx.destroy();
      }
    }, 600_000);
  }
});
