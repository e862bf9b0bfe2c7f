import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../src/ingest/datasets/index.js';
import { systemActor } from '../../src/audit/actor.js';
import { loadJurisdiction } from '../../src/jurisdiction/loadJurisdiction.js';
import { buildServer } from '../../src/server/buildServer.js';
import { chineseHeaders, writeCsv } from '../factories/templateFiles.js';
import { templateRow } from '../factories/templateRows.js';
import { createTestUser, testPassword } from '../factories/users.js';
import { launchBrowser } from '../helpers/browser.js';
import { createTestContext, tempDir, type TestContext } from '../helpers/databases.js';

/**
 * A clerk uploads a file with a bad row in the console, reads the quality report, downloads
 * the quarantined rows; a second person, a reviewer, approves the batch.
 */
describe('data collection in a real browser', () => {
  const dir = tempDir();
  let ctx: TestContext | undefined;
  let server: FastifyInstance | undefined;
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let url = '';

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    await loadJurisdiction(ctx, systemActor, '431226000000');
    await createTestUser(ctx, { username: 'clerk1', displayName: '录入员甲', role: 'clerk' });
    await createTestUser(ctx, { username: 'reviewer1', displayName: '审核员乙', role: 'reviewer' });
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
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${url}/console/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(testPassword);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('workspace-user-name').count()).toBe(1);
  }

  it(
    'imports, reports, offers the quarantined rows, and is approved by another person',
    { timeout: 120_000 },
    async () => {
      const definition = datasets.disbursements;
      const keys = definition.fields.map((f) => f.key);
      const file = path.join(dir, '三月低保发放.csv');
      writeCsv(file, chineseHeaders(definition, keys), {
        keys,
        rows: [
          templateRow('disbursements'),
          templateRow('disbursements'),
          { ...templateRow('disbursements'), id_number: '4.31226E+17' },
        ],
      });

      const page = await browser!.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, 'clerk1');
      await page.goto(`${url}/console/imports?dataset=disbursements`);
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-submit').click();
      await expect
        .poll(() => page.getByTestId('import-result').count(), { timeout: 30_000 })
        .toBe(1);
      expect(await page.getByTestId('quality-validity').textContent()).toContain('66');
      await page.getByTestId('import-batch-link').click();

      await expect
        .poll(() => page.getByTestId('quarantine-table').textContent())
        .toContain('4.31226E+17');
      expect(await page.getByTestId('quarantine-table').textContent()).toContain('科学计数法');
      const downloading = page.waitForEvent('download');
      await page.getByTestId('quarantine-download-xlsx').click();
      const download = await downloading;
      const saved = path.join(dir, 'fix.xlsx');
      await download.saveAs(saved);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(saved);
      const sheet = workbook.worksheets[0]!;
      const header = sheet.getRow(1).values as unknown[];
      expect(header).toContain('问题原因');
      expect(header).toContain('原行号');
      expect(sheet.getRow(2).getCell(header.indexOf('身份证号')).text).toBe('4.31226E+17');
      const batchUrl = page.url();
      await page.getByTestId('logout').click();

      await signIn(page, 'reviewer1');
      await page.goto(batchUrl);
      await expect.poll(() => page.getByTestId('batch-status').textContent()).toContain('待审核');
      // Validity 66 is under the threshold of 90: the page says so, and the reviewer must
      // override with a reason.
      expect(await page.getByTestId('quality-below-threshold').textContent()).toContain('90');
      await page.getByTestId('batch-approve').click();
      await expect.poll(() => page.getByTestId('batch-override').isChecked()).toBe(true);
      await page.getByTestId('batch-confirm').click();
      await expect.poll(() => page.getByTestId('batch-reason').count()).toBe(1);
      await page.getByTestId('batch-reason').fill('错误行已退回民政局更正，其余行先行生效');
      await page.getByTestId('batch-confirm').click();
      await expect
        .poll(() => page.getByTestId('batch-status').textContent(), { timeout: 15_000 })
        .toContain('已通过');
      await page.screenshot({ path: path.join(dir, 'batch.png') });
      await page.close();

      const live = await ctx!.handle.db
        .selectFrom('ds_disbursements')
        .select('record_id')
        .where('live', '=', 1)
        .execute();
      expect(live).toHaveLength(2);
    },
  );
});
