import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/audit/actor.js';
import { maskIdNumber } from '../../src/core/redact.js';
import { loadJurisdiction } from '../../src/jurisdiction/loadJurisdiction.js';
import { buildServer } from '../../src/server/buildServer.js';
import {
  maskedSharedAccount,
  plantSharedAccount,
  sharedAccount,
  type SharedAccountCase,
} from '../factories/sharedAccount.js';
import { createTestUser, testPassword } from '../factories/users.js';
import { launchBrowser } from '../helpers/browser.js';
import { createTestContext, type TestContext } from '../helpers/databases.js';

const fullIdNumber = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/;

/**
 * An inspector reads warnings with masked numbers; on one warning's page the full numbers
 * come only after a reason is given, and the server logs it. A payment that hit for two
 * reasons is one row of evidence.
 */
describe('warnings in a real browser', () => {
  let ctx: TestContext | undefined;
  let server: FastifyInstance | undefined;
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let url = '';
  let planted: SharedAccountCase;

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    await loadJurisdiction(ctx, systemActor, '431226000000');
    planted = await plantSharedAccount(ctx);
    await createTestUser(ctx, { username: 'inspector1', role: 'inspector' });
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

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${url}/console/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(testPassword);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('workspace-user-name').count()).toBe(1);
  }

  it(
    'shows masked numbers, and the full ones of one warning after a reason',
    { timeout: 120_000 },
    async () => {
      const { beneficiary } = planted;
      const warning = await ctx!.handle.db
        .selectFrom('warnings')
        .select('id')
        .where('rule_code', '=', 'R10')
        .where('subject', '=', beneficiary)
        .executeTakeFirstOrThrow();
      const page = await browser!.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, 'inspector1');

      await page.goto(`${url}/console/warnings?rule=R10`);
      const subject = page.getByTestId(`subject-id-${warning.id}`);
      await expect.poll(() => subject.textContent()).toBe(maskIdNumber(beneficiary));
      expect(await page.getByTestId('warnings-summary-medium').textContent()).toContain('3');
      const listText = (await page.locator('body').textContent()) ?? '';
      expect(listText).not.toMatch(fullIdNumber);
      expect(listText).not.toContain(sharedAccount);
      expect(listText).toContain(maskedSharedAccount);

      await subject.locator('xpath=..').locator('a').click();
      await expect
        .poll(() => page.getByTestId('warning-explanation').textContent())
        .toContain(maskedSharedAccount);
      await expect.poll(() => subject.textContent()).toBe(maskIdNumber(beneficiary));
      // The March payment hit for two reasons: one row, both reasons in it.
      const evidence = page.getByTestId('warning-evidence');
      await expect.poll(() => evidence.locator('tbody tr.ant-table-row').count()).toBe(2);
      const march = evidence.locator('[data-testid^="evidence-reasons-"]').first();
      expect(await march.locator('li').count()).toBe(2);
      expect(await march.textContent()).toContain('户名为');
      expect(await march.textContent()).toContain('同期为 3 人');
      const graph = page.locator('[data-testid="warning-network"][data-rendered="true"]');
      await graph.waitFor({ timeout: 30_000 });
      expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThan(1);
      const pageText = (await page.locator('body').textContent()) ?? '';
      expect(pageText).not.toMatch(fullIdNumber);
      expect(pageText).not.toContain(sharedAccount);

      // No reason, no numbers: the dialog says so and asks nothing of the server.
      await page.getByTestId('warning-reveal').click();
      await page.getByTestId('warning-reveal-confirm').click();
      await expect.poll(() => page.getByText('请填写查看理由').count()).toBe(1);
      const before = await ctx!.handle.db.selectFrom('access_log').selectAll().execute();
      expect(before.filter((r) => r.purpose === 'reveal')).toEqual([]);

      await page.getByTestId('warning-reveal-reason').fill('立案核查 2024-17 号');
      await page.getByTestId('warning-reveal-confirm').click();
      await expect.poll(() => subject.textContent()).toBe(beneficiary);
      await expect.poll(() => page.getByTestId('warning-revealed').count()).toBe(1);
      expect(await evidence.textContent()).toContain(sharedAccount);
      const logged = await ctx!.handle.db
        .selectFrom('access_log')
        .select(['purpose', 'subject', 'detail'])
        .where('purpose', '=', 'reveal')
        .execute();
      expect(logged).toEqual([
        {
          purpose: 'reveal',
          subject: beneficiary,
          detail: `warning ${warning.id} R10: 立案核查 2024-17 号`,
        },
      ]);

      // Hidden again on request.
      await page.getByTestId('warning-hide').click();
      await expect.poll(() => subject.textContent()).toBe(maskIdNumber(beneficiary));
      await page.close();
    },
  );
});
