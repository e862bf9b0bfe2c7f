import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { resolveDatabaseTarget } from '../src/db/databaseTarget.js';
import { openDatabase, type DbHandle } from '../src/db/openDatabase.js';
import { writeBulkPayments } from './factories/bulkPayments.js';
import { recordingOutput, repoRoot } from './helpers/cli.js';
import { dialects, emptyDatabaseTarget, tempDir } from './helpers/databases.js';

/**
 * Killing the process in the middle of an import leaves no partial batch live, and the next
 * import works (and clears away what the dead one left).
 */
const dir = tempDir('jiandu-crash-');
const bigFile = path.join(dir, 'big.csv');
const smallFile = path.join(dir, 'small.csv');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function count(handle: DbHandle, where: 'live' | 'all'): Promise<number> {
  let query = handle.db
    .selectFrom('ds_disbursements')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (where === 'live') query = query.where('live', '=', 1);
  return (await query.executeTakeFirstOrThrow()).n;
}

for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(
    `an import killed half way [${dialect}]`,
    () => {
      let cleanup: (() => Promise<void>) | null = null;
      afterEach(async () => {
        await cleanup?.();
        cleanup = null;
      });

      it('leaves nothing live and does not block the next import', async () => {
        if (!fs.existsSync(bigFile)) {
          await writeBulkPayments(bigFile, 400_000, { prefix: 'BIG' });
          await writeBulkPayments(smallFile, 10, { prefix: 'SMALL' });
        }
        const target = await emptyDatabaseTarget(dialect);
        cleanup = target.destroy;
        expect(await runCli(['init', '--db', target.target], recordingOutput())).toBe(0);
        const handle = await openDatabase(resolveDatabaseTarget(target.target));
        try {
          const child = spawn(
            process.execPath,
            [
              path.join(repoRoot, 'bin', 'jiandu.mjs'),
              'import',
              'disbursements',
              bigFile,
              '--approve',
              '--db',
              target.target,
            ],
            {
              cwd: repoRoot,
              stdio: 'ignore',
            },
          );
          const exited = new Promise((resolve) => child.once('exit', resolve));
          // Wait until rows are being written, then kill it without warning.
          const deadline = Date.now() + 60_000;
          while ((await count(handle, 'all')) === 0) {
            if (Date.now() > deadline || child.exitCode !== null)
              throw new Error('the import never started writing');
            await new Promise((r) => setTimeout(r, 50));
          }
          child.kill('SIGKILL');
          await exited;

          const written = await count(handle, 'all');
          expect(written).toBeGreaterThan(0);
          expect(written).toBeLessThan(400_000);
          expect(await count(handle, 'live')).toBe(0);
          const dead = await handle.db
            .selectFrom('ingest_batches')
            .selectAll()
            .executeTakeFirstOrThrow();
          expect(dead.status).toBe('importing');

          const output = recordingOutput();
          expect(
            await runCli(
              [
                'import',
                'disbursements',
                smallFile,
                '--approve',
                '--override',
                '演练：重新导入',
                '--json',
                '--db',
                target.target,
              ],
              output,
            ),
          ).toBe(0);
          expect(JSON.parse(output.lines[0]!)).toMatchObject({ status: 'approved', accepted: 10 });
          const after = await handle.db
            .selectFrom('ingest_batches')
            .select(['id', 'status'])
            .orderBy('id')
            .execute();
          expect(after).toEqual([
            { id: dead.id, status: 'failed' },
            { id: dead.id + 1, status: 'approved' },
          ]);
          expect(await count(handle, 'all')).toBe(10);
          expect(await count(handle, 'live')).toBe(10);
          expect(await runCli(['audit', 'verify', '--db', target.target], recordingOutput())).toBe(
            0,
          );
        } finally {
          await handle.close();
        }
      }, 180_000);
    },
  );
}
