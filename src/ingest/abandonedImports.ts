import os from 'node:os';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { redactText } from '../core/redact.js';
import { datasets } from './datasets/index.js';
import { isDatasetKey } from './datasetDefinition.js';
import { processAlive } from './processAlive.js';
import { uploadsInUse } from './importPayload.js';
import { removeLeftoverUploads } from './uploadFiles.js';

/** An import that has not reported for this long is dead, wherever it ran. */
const staleMs = 10 * 60_000;

/** Whether the process that wrote a batch is gone: dead on this host, or silent too long. */
function abandoned(importer: string | null, heartbeatAt: string | null, now: number): boolean {
  const [host, pidText] = (importer ?? '').split(':');
  const pid = Number(pidText);
  if (host === os.hostname() && Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
    if (!processAlive(pid)) return true;
  }
  return heartbeatAt === null || now - Date.parse(heartbeatAt) > staleMs;
}

/** Removes the rows of a batch that did not finish and marks it failed, with the reason. */
export async function discardBatch(
  ctx: AppContext,
  batch: { id: number; dataset: string; jurisdiction_code: string },
  reason: string,
): Promise<void> {
  await auditedWrite(ctx, systemActor, async ({ tx, audit }) => {
    let removed = 0;
    if (isDatasetKey(batch.dataset)) {
      const result =
        await sql`delete from ${sql.table(datasets[batch.dataset].table)} where batch_id = ${batch.id}`.execute(
          tx,
        );
      removed = Number(result.numAffectedRows ?? 0);
    }
    await tx.deleteFrom('ds_business_people').where('batch_id', '=', batch.id).execute();
    await tx.deleteFrom('ingest_quarantine').where('batch_id', '=', batch.id).execute();
    await tx
      .updateTable('ingest_batches')
      .set({
        status: 'failed',
        error: redactText(reason).slice(0, 500),
        finished_at: new Date().toISOString(),
        heartbeat_at: null,
      })
      .where('id', '=', batch.id)
      .where('status', '=', 'importing')
      .execute();
    await audit({
      action: 'batch.fail',
      entity: 'batch',
      ids: [batch.id],
      jurisdictionCode: batch.jurisdiction_code,
      before: { status: 'importing' },
      after: { status: 'failed', rows_removed: removed, reason: redactText(reason).slice(0, 200) },
    });
  });
}

/**
 * Imports that died (a killed process, a crashed server) leave a batch in `importing` with
 * some of its rows written. Those rows were never live; this removes them and marks the
 * batch failed, so a half batch never lingers; and removes the uploaded files such an
 * import left, unless a job still holds them. Runs before every import and when a server
 * starts.
 */
export async function cleanupAbandonedImports(ctx: AppContext): Promise<number[]> {
  removeLeftoverUploads(ctx, await uploadsInUse(ctx));
  const candidates = await ctx.handle.db
    .selectFrom('ingest_batches')
    .select(['id', 'dataset', 'importer', 'heartbeat_at', 'jurisdiction_code'])
    .where('status', '=', 'importing')
    .execute();
  const now = Date.now();
  const dead = candidates.filter((b) => abandoned(b.importer, b.heartbeat_at, now));
  for (const batch of dead) await discardBatch(ctx, batch, 'the import stopped before it finished');
  return dead.map((b) => b.id);
}
