/// <reference lib="dom" />
import { expect, it } from 'vitest';
import { systemActor } from '../../src/audit/actor.js';
import { scopeOf } from '../../src/auth/scope.js';
import { datasets } from '../../src/ingest/datasets/index.js';
import { importTable } from '../../src/ingest/importTable.js';
import { loadJurisdiction } from '../../src/jurisdiction/loadJurisdiction.js';
import { buildServer } from '../../src/server/buildServer.js';
import { templateRow } from '../factories/templateRows.js';
import { createTestUser, testPassword } from '../factories/users.js';
import { launchBrowser } from '../helpers/browser.js';
import { createTestContext } from '../helpers/databases.js';
import { chunkProducerRows } from '../helpers/tableRows.js';

/** The batch list on a common office screen (1366 × 768): every column inside its card. */
it('fits the batch list inside its card on a 1366-pixel screen', { timeout: 120_000 }, async () => {
  const ctx = await createTestContext('sqlite');
  await loadJurisdiction(ctx, systemActor, '431226000000');
  const admin = await createTestUser(ctx, { username: 'layout-admin', role: 'admin' });
  // Long department and file names, as real ones are.
  for (const dataset of ['officials', 'properties', 'disbursements'] as const) {
    await importTable(ctx, {
      definition: datasets[dataset],
      source: '麻阳苗族自治县自然资源局（不动产登记中心）数据科',
      channel: 'file',
      fileName: `2024年第四季度${datasets[dataset].name.zh}汇总表（定稿，第二次修订）.xlsx`,
      table: chunkProducerRows([templateRow(dataset), { ...templateRow(dataset), name: '' }]),
      actor: { id: admin.id, name: admin.username },
      scope: scopeOf('431226000000'),
    });
  }
  const server = await buildServer(ctx);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { browser, close } = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${url}/console/`);
    await page.getByTestId('login-username').fill(admin.username);
    await page.getByTestId('login-password').fill(testPassword);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('workspace-user-name').count()).toBe(1);
    await page.goto(`${url}/console/batches`);
    await expect.poll(() => page.locator('[data-testid^="batch-link-"]').count()).toBe(3);
    const box = await page.evaluate(() => {
      const card = document.querySelector('.page .ant-card-body')!;
      const style = getComputedStyle(card);
      const inner = card.getBoundingClientRect().right - parseFloat(style.paddingRight);
      const table = document.querySelector('[data-testid="batches-table"] table')!;
      const headers = document.querySelectorAll('[data-testid="batches-table"] th');
      const header = headers[headers.length - 1]!;
      return {
        inner,
        table: table.getBoundingClientRect().right,
        lastHeader: header.getBoundingClientRect().right,
        page: document.documentElement.scrollWidth,
      };
    });
    expect(box.table).toBeLessThanOrEqual(box.inner + 1);
    expect(box.lastHeader).toBeLessThanOrEqual(box.inner + 1);
    expect(box.page).toBeLessThanOrEqual(1366);
  } finally {
    await close();
    await server.close();
    await ctx.destroy();
  }
});
