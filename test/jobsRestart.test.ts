import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../src/audit/actor.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { importLimits, queueImport, reserveImport } from '../src/ingest/importJobs.js';
import { newUploadPath, uploadsDirectory } from '../src/ingest/uploadFiles.js';
import { loadJurisdiction } from '../src/jurisdiction/loadJurisdiction.js';
import { requestScan } from '../src/rules/scanQueue.js';
import { buildServer } from '../src/server/buildServer.js';
import { writeBulkPayments } from './factories/bulkPayments.js';
import { createTestUser } from './factories/users.js';
import { tempDir } from './helpers/databases.js';
import { testCounty } from './helpers/server.js';

/** The pid of a process that has just ended. */
function deadPid(): string {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return child.stdout.toString();
}

/**
 * Jobs are rows, not memory: what a server queued and did not get to (it was stopped, or
 * killed) is still there when the next one starts, and its worker runs it.
 */
describe('the jobs table across a restart [sqlite]', () => {
  it('keeps the queued jobs, and the next server’s worker runs them', async () => {
    const dir = tempDir('jiandu-restart-');
    const file = path.join(dir, 'jiandu.db');
    try {
      const before = await openDatabase({ kind: 'sqlite', file }, { create: true });
      const ctx = { handle: before, config: loadConfig({}) };
      await migrateToLatest(before);
      await loadJurisdiction(ctx, systemActor, testCounty);
      const clerk = await createTestUser(ctx, { role: 'clerk' });
      // Saved by the server that is going away (its pid is in the name).
      const [host, , ...rest] = path.basename(newUploadPath(ctx)).split('-');
      const upload = path.join(uploadsDirectory(ctx), [host, deadPid(), ...rest].join('-'));
      await writeBulkPayments(upload, 10, { prefix: 'RESTART' });
      const ticket = reserveImport(clerk.id, importLimits(ctx.config));
      const imported = await queueImport(
        ctx,
        ticket,
        { id: clerk.id, name: clerk.username },
        {
          dataset: 'disbursements',
          fileName: '三月.csv',
          uploadPath: upload,
          jurisdiction: testCounty,
        },
      );
      ticket.release();
      const scanned = await requestScan(ctx, testCounty, 'full', systemActor);
      await before.close();

      const after = await openDatabase({ kind: 'sqlite', file });
      const restarted = { handle: after, config: loadConfig({}) };
      try {
        const kept = await after.db
          .selectFrom('jobs')
          .select(['id', 'kind', 'state'])
          .orderBy('kind')
          .execute();
        expect(kept).toEqual([
          { id: imported.id, kind: 'import', state: 'queued' },
          { id: scanned.id, kind: 'scan', state: 'queued' },
        ]);
        const server = await buildServer(restarted, { jobs: { pollMs: 50 } });
        try {
          await server.ready();
          await expect
            .poll(() =>
              after.db.selectFrom('jobs').select(['kind', 'state']).orderBy('kind').execute(),
            )
            .toEqual([
              { kind: 'import', state: 'done' },
              { kind: 'scan', state: 'done' },
            ]);
        } finally {
          await server.close();
        }
        expect(
          await after.db.selectFrom('ingest_batches').select(['status', 'accepted']).execute(),
        ).toEqual([{ status: 'pending', accepted: 10 }]);
        expect(await after.db.selectFrom('scans').select(['kind', 'status']).execute()).toEqual([
          { kind: 'full', status: 'done' },
        ]);
        expect(fs.existsSync(upload)).toBe(false);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
