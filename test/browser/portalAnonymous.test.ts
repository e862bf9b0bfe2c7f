import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/audit/actor.js';
import { loadJurisdiction } from '../../src/jurisdiction/loadJurisdiction.js';
import { buildServer } from '../../src/server/buildServer.js';
import { launchBrowser } from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/databases.js';

/**
 * A villager's visit to the public portal asks nothing of the staff's API: no request fails
 * and the browser's console stays clean (a 401 from /api/me would show there as an error).
 */
describe('the public portal for an anonymous visitor', () => {
  let ctx: TestContext | undefined;
  let server: FastifyInstance | undefined;
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let url = '';

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    await loadJurisdiction(ctx, systemActor, '431226000000');
    server = await buildServer(ctx);
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await ctx?.destroy();
  });

  it('loads without a failed request or a console error', { timeout: 60_000 }, async () => {
    const page = await browser!.newPage();
    const asked: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    page.on('requestfailed', (request) => failed.push(`${request.url()} failed`));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} → ${response.status()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByTestId('portal-title').textContent())
      .toContain('麻阳苗族自治县');
    await page.waitForLoadState('networkidle');
    expect(asked).toContain('/api/public/home');
    expect(
      asked.filter((path) => path.startsWith('/api/') && !path.startsWith('/api/public/')),
    ).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
