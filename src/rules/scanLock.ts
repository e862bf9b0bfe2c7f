import os from 'node:os';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { processAlive } from '../ingest/processAlive.js';
import type { ScanKind } from './rulesTables.js';
import { dropScanSubjects } from './scanSubjects.js';

/**
 * The scan lock: one scan at a time per jurisdiction, held by the `scans` row of a running
 * scan (a unique index on running scans) and released when the scan finishes or fails. A scan
 * whose process died no longer holds it.
 */

function isUniqueViolation(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** One scan at a time per jurisdiction: a running scan of a live process blocks another. */
export async function assertNoScanRunning(ctx: AppContext, jurisdiction: string): Promise<void> {
  const running = await ctx.handle.db
    .selectFrom('scans')
    .select(['id', 'progress', 'started_at'])
    .where('jurisdiction_code', '=', jurisdiction)
    .where('status', '=', 'running')
    .execute();
  for (const scan of running) {
    const runner = (JSON.parse(scan.progress ?? '{}') as { runner?: string }).runner ?? '';
    const [host, pid] = runner.split(':');
    const stale =
      (host === os.hostname() && !processAlive(Number(pid))) ||
      Date.now() - Date.parse(scan.started_at) > 6 * 3600_000;
    if (!stale) throw new JianduError('SCAN_RUNNING', { scan: scan.id });
    await auditedWrite(ctx, { id: null, name: 'system' }, async ({ tx, audit }) => {
      await tx
        .updateTable('scans')
        .set({ status: 'failed', error: 'the scan stopped before it finished' })
        .where('id', '=', scan.id)
        .execute();
      await sql`delete from scan_hits where scan_id = ${scan.id}`.execute(tx);
      await dropScanSubjects(tx, scan.id);
      await audit({
        action: 'scan.fail',
        entity: 'scan',
        ids: [scan.id],
        jurisdictionCode: jurisdiction,
      });
    });
  }
}

/** Takes the lock: the scan's row, running, named after this process. Returns its id. */
export async function openScan(
  ctx: AppContext,
  actor: Actor,
  jurisdiction: string,
  kind: ScanKind,
): Promise<number> {
  try {
    return await auditedWrite(ctx, actor, async ({ tx, audit }) => {
      const row = await tx
        .insertInto('scans')
        .values({
          jurisdiction_code: jurisdiction,
          kind,
          status: 'running',
          triggered_by: actor.name,
          started_at: new Date().toISOString(),
          progress: JSON.stringify({ runner: `${os.hostname()}:${process.pid}` }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'scan.start',
        entity: 'scan',
        ids: [row.id],
        jurisdictionCode: jurisdiction,
        after: { kind },
      });
      return row.id;
    });
  } catch (error) {
    // The unique index on running scans: another scan got there first.
    if (isUniqueViolation(error)) {
      const running = await ctx.handle.db
        .selectFrom('scans')
        .select('id')
        .where('jurisdiction_code', '=', jurisdiction)
        .where('status', '=', 'running')
        .executeTakeFirst();
      throw new JianduError('SCAN_RUNNING', { scan: running?.id ?? '?' });
    }
    throw error;
  }
}

/** Releases the lock of a scan that failed: its working rows go, its row says why. */
export async function failScan(
  ctx: AppContext,
  actor: Actor,
  scan: { id: number; jurisdiction: string },
  error: unknown,
): Promise<void> {
  await auditedWrite(ctx, actor, async ({ tx, audit }) => {
    await sql`delete from scan_hits where scan_id = ${scan.id}`.execute(tx);
    await dropScanSubjects(tx, scan.id);
    await tx
      .updateTable('scans')
      .set({
        status: 'failed',
        finished_at: new Date().toISOString(),
        error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
      })
      .where('id', '=', scan.id)
      .execute();
    await audit({
      action: 'scan.fail',
      entity: 'scan',
      ids: [scan.id],
      jurisdictionCode: scan.jurisdiction,
    });
  });
}
