import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tempDir, type TestContext } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { buildServer } from './buildServer.js';
import { formatLogRecord, parseLogMode, serverLogger, type LogMode } from './serverLogger.js';

describe('the server log', () => {
  let ctx: TestContext;
  const dir = tempDir();

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    await loadJurisdiction(ctx, systemActor, '431226000000');
  });
  afterAll(async () => {
    await ctx.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Sends two requests (one with an ID number in its address) through a server logging so. */
  async function logOf(mode: LogMode, file: string | null = null): Promise<string> {
    let terminal = '';
    const log = serverLogger({ mode, file, terminal: { write: (text) => (terminal += text) } });
    const server = await buildServer(ctx, { logger: log.logger });
    await server.inject({ method: 'GET', url: '/api/health' });
    await server.inject({ method: 'GET', url: '/api/public/lookup?id=43122619800101001X' });
    server.log.warn({ refused: 'cross-site write' });
    await server.close();
    log.close();
    return terminal;
  }

  it('keeps the terminal quiet by default: warnings only, as readable lines', async () => {
    expect(parseLogMode(undefined)).toBe('quiet');
    const quiet = await logOf('quiet');
    const lines = quiet.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN refused=cross-site write$/);
  });

  it('shows one readable line per request with --log requests, IDs masked', async () => {
    const lines = (await logOf('requests')).trimEnd().split('\n');
    expect(lines.some((l) => /^\d\d:\d\d:\d\d GET \/api\/health 200 \d+ ms$/.test(l))).toBe(true);
    const lookup = lines.find((l) => l.includes('/api/public/lookup'));
    expect(lookup).toBeDefined();
    expect(lookup).not.toContain('43122619800101001X');
    expect(lines.every((l) => !l.startsWith('{'))).toBe(true);
  });

  it('writes JSON lines with --log json, and every line to a private log file', async () => {
    const json = (await logOf('json')).trimEnd().split('\n');
    const records = json.map((l) => JSON.parse(l) as { msg?: string; req?: { url: string } });
    expect(records.filter((r) => r.msg === 'request completed')).toHaveLength(2);
    const file = path.join(dir, 'jiandu.log');
    expect(await logOf('off', file)).toBe('');
    const logged = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(logged.filter((l) => l.includes('"request completed"'))).toHaveLength(2);
    expect(logged.join('\n')).not.toContain('43122619800101001X');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses an unknown mode and formats a record without a message', () => {
    expect(() => parseLogMode('loud')).toThrow(/quiet, requests, json, off/);
    expect(serverLogger({ mode: 'off' }).logger).toBe(false);
    expect(formatLogRecord({ level: 50, time: 0, ref: 'ab12', err: { message: 'x' } })).toMatch(
      /ERROR ref=ab12 err=\{"message":"x"\}$/,
    );
  });
});
