import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { resolveDatabaseTarget } from '../src/db/databaseTarget.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { sessionCookieFor } from './factories/sessions.js';
import { createTestUser } from './factories/users.js';
import { recordingOutput, repoRoot } from './helpers/cli.js';
import { dialects, emptyDatabaseTarget, tempDir } from './helpers/databases.js';
import { freePort, startServer, type StartedServer } from './helpers/startedServer.js';

/**
 * A server killed without warning in the middle of an upload leaves the partial file in
 * its uploads folder (where else could it go?), and the next server to start removes it:
 * nothing of a clerk's file outlives the crash for long, and nothing ever sits in the
 * system's temporary folder.
 */
const bin = path.join(repoRoot, 'bin', 'jiandu.mjs');

function listing(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(
    `a server killed during an upload [${dialect}]`,
    () => {
      const cleanups: (() => Promise<void>)[] = [];
      afterEach(async () => {
        for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      });

      it('leaves the partial upload only until the next start', async () => {
        const target = await emptyDatabaseTarget(dialect);
        cleanups.push(target.destroy);
        expect(await runCli(['init', '--db', target.target], recordingOutput())).toBe(0);
        const dataDir =
          dialect === 'sqlite' ? path.dirname(target.target) : tempDir('jiandu-data-');
        if (dialect === 'postgres') {
          cleanups.push(() =>
            Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })),
          );
        }
        const uploads = path.join(dataDir, 'uploads');
        const handle = await openDatabase(resolveDatabaseTarget(target.target));
        cleanups.push(() => handle.close());
        const ctx = { handle, config: loadConfig({}) };
        const clerk = await createTestUser(ctx, { role: 'clerk' });
        const cookie = await sessionCookieFor(ctx, clerk);

        const env = { JIANDU_DATA_DIR: dialect === 'postgres' ? dataDir : '' };
        const port = await freePort();
        let server: StartedServer = await startServer(
          process.execPath,
          [bin, 'serve', '--db', target.target],
          env,
          port,
        );
        cleanups.push(() => server.stop());

        // An upload that never ends: the first bytes, then silence.
        const request = http.request(
          `${server.url}/api/imports?dataset=disbursements&fileName=${encodeURIComponent('三月低保.csv')}`,
          {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/octet-stream' },
          },
        );
        request.on('error', () => undefined);
        request.write(Buffer.alloc(256 * 1024, '431226194002020001,测试甲,300.00\n'));
        const deadline = Date.now() + 30_000;
        while (!listing(uploads).some((name) => fs.statSync(path.join(uploads, name)).size > 0)) {
          if (Date.now() > deadline) throw new Error(`no upload arrived:\n${server.output()}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        await server.kill();
        request.destroy();
        const left = listing(uploads);
        expect(left).toHaveLength(1);
        expect(fs.statSync(path.join(uploads, left[0]!)).mode & 0o777).toBe(0o600);

        server = await startServer(
          process.execPath,
          [bin, 'serve', '--db', target.target],
          env,
          port,
        );
        expect(listing(uploads)).toEqual([]);
      }, 120_000);
    },
  );
}
