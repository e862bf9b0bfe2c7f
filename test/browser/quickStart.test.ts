import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimePasswordFrom } from '../helpers/cli.js';
import { launchBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/databases.js';
import { freePort, startServer, type StartedServer } from '../helpers/startedServer.js';

/**
 * The README's first command (`npm start`) on a new database brings up the whole system:
 * the administrator signs in with the printed one-time password, replaces it, and sees the
 * workspace; the public home page loads.
 */
describe('quick start in a real browser', () => {
  const dir = tempDir();
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let server: StartedServer | undefined;

  beforeAll(async () => {
    server = await startServer(
      'npm',
      ['start'],
      // The terminal log as a new user gets it (the helper's default is off).
      { JIANDU_DB: path.join(dir, 'jiandu.db'), JIANDU_LOG: '' },
      await freePort(),
    );
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 300_000);

  afterAll(async () => {
    await closeBrowser?.();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'signs the administrator in with the one-time password and shows the workspace',
    { timeout: 120_000 },
    async () => {
      const password = oneTimePasswordFrom(server!.output());
      // The password is the last thing on the terminal, boxed, and kept in a private file.
      const shown = server!.output().trimEnd().split('\n');
      expect(shown.at(-1)).toMatch(/^\+=+\+$/);
      expect(shown.at(-4)).toContain(`一次性密码：${password}`);
      const file = path.join(dir, 'admin-password.txt');
      expect(shown.at(-2)).toContain(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toContain(`\n${password}\n`);
      const page = await browser!.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${server!.url}/console/`);
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill('wrong-password-1');
      await page.getByTestId('login-submit').click();
      await expect
        .poll(() => page.getByTestId('login-error').textContent())
        .toContain('用户名或密码错误');

      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('change-current').fill(password);
      await page.getByTestId('change-new').fill('Mayang-county-2026');
      await page.getByTestId('change-repeat').fill('Mayang-county-2026');
      await page.getByTestId('change-submit').click();

      await expect
        .poll(() => page.getByTestId('workspace-user-name').textContent())
        .toContain('系统管理员');
      // The password is spent: its copy goes.
      expect(fs.existsSync(file)).toBe(false);
      expect(await page.getByTestId('workspace-role').textContent()).toContain('系统管理员');
      expect(await page.getByTestId('workspace-jurisdiction').textContent()).toContain(
        '湖南省 怀化市 麻阳苗族自治县',
      );
      await page.screenshot({ path: path.join(dir, 'workspace.png') });

      // The demo county's warnings: a dead person still paid (R01), its explanation,
      // evidence and the person's relationship network drawn by ECharts.
      await page.goto(`${server!.url}/console/warnings?rule=R01`);
      const firstRow = page.locator('[data-testid^="warning-row-"]').first();
      await firstRow.waitFor();
      await firstRow.click();
      await expect
        .poll(() => page.getByTestId('warning-explanation').textContent())
        .toMatch(/死亡|火化|去世/);
      expect(await page.getByTestId('warning-evidence').textContent()).toMatch(/\d/);
      const graph = page.locator('[data-testid="warning-network"][data-rendered="true"]');
      await graph.waitFor({ timeout: 30_000 });
      expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThan(1);
      expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(dir, 'warning.png') });

      // The session survives a reload, and signing out ends it.
      await page.reload();
      await expect
        .poll(() => page.getByTestId('workspace-jurisdiction').textContent())
        .toContain('麻阳苗族自治县');
      await page.getByTestId('logout').click();
      await expect.poll(() => page.getByTestId('login-submit').count()).toBe(1);
      await page.close();
      // The quiet log: requests do not reach the terminal, nor any JSON.
      const after = server!.output();
      expect(after).not.toMatch(/^\{/m);
      expect(after).not.toContain('/api/');
      expect(after.trimEnd().split('\n').at(-1)).toMatch(/^\+=+\+$/);
    },
  );

  it('loads the public home page of the county, on a phone too', async () => {
    const page = await browser!.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server!.url}/`);
    await expect
      .poll(() => page.getByTestId('portal-title').textContent())
      .toContain('麻阳苗族自治县');
    const areas = await page.getByTestId('portal-areas').textContent();
    expect(areas).toContain('锦和镇');
    expect(areas).toContain('江口墟镇');
    await page.close();
  });
});
