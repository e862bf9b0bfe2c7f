import { can } from '../api/capabilities.js';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import { auditedWrite, type WriteTx } from '../audit/auditedWrite.js';
import type { Actor } from '../audit/actor.js';
import { inScope, type Scope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import type { Role } from '../api/roles.js';
import { vacuumAfterRewrite } from '../db/vacuumAfterRewrite.js';
import { readSetting } from '../settings/settingsRepository.js';
import {
  findBatch,
  findVisibleBatch,
  toBatchView,
  type BatchRow,
  type BatchView,
} from './batchesRepository.js';
import { refreshPlannerStatistics } from './plannerStatistics.js';
import { splitBatch } from './splitBatch.js';
import { datasets } from './datasets/index.js';
import { isDatasetKey, type DatasetDefinition } from './datasetDefinition.js';
import type { BatchStatus } from './ingestTables.js';
import { defaultMinValidity, type QualityReport } from './quality.js';
import { isLive, setLive } from './liveRows.js';

export interface Reviewer {
  actor: Actor;
  role: Role;
  scope: Scope;
}

export const minValiditySetting = 'ingest.min_validity';

const statusNames: Record<BatchStatus, { zh: string; en: string }> = {
  importing: { zh: '导入中', en: 'importing' },
  pending: { zh: '待审核', en: 'pending review' },
  approved: { zh: '已通过', en: 'approved' },
  rejected: { zh: '已退回', en: 'rejected' },
  rolled_back: { zh: '已撤回', en: 'rolled back' },
  failed: { zh: '导入失败', en: 'failed' },
  no_change: { zh: '无新数据', en: 'no change' },
  merged: { zh: '已并入原批次', en: 'merged' },
};

const actionNames = {
  approve: { zh: '审核通过', en: 'approved' },
  reject: { zh: '退回', en: 'rejected' },
  rollback: { zh: '撤回', en: 'rolled back' },
} as const;

async function batchFor(
  ctx: AppContext,
  reviewer: Reviewer,
  id: number,
  action: keyof typeof actionNames,
  expected: BatchStatus,
): Promise<{ batch: BatchRow; definition: DatasetDefinition }> {
  // A township may take its part out of a county batch, but review only its own batches.
  const batch =
    action === 'rollback'
      ? await findVisibleBatch(ctx.handle.db, reviewer.scope, id)
      : await findBatch(ctx.handle.db, reviewer.scope, id);
  if (!batch || !isDatasetKey(batch.dataset))
    throw new JianduError('BATCH_NOT_FOUND', { batch: id });
  if (batch.status !== expected) {
    throw new JianduError('BATCH_STATE', {
      batch: id,
      status: statusNames[batch.status],
      action: actionNames[action],
    });
  }
  return { batch, definition: datasets[batch.dataset] };
}

/** The validity a batch needs, set for the batch's jurisdiction or the deployment. */
export async function minValidity(ctx: AppContext, jurisdictionCode: string): Promise<number> {
  return (
    (await readSetting<number>(ctx.handle.db, minValiditySetting, jurisdictionCode)) ??
    (await readSetting<number>(ctx.handle.db, minValiditySetting)) ??
    defaultMinValidity
  );
}

/** Makes the batch's rows the live versions of their records; returns how many rows it rewrote. */
async function goLive(
  tx: WriteTx,
  definition: DatasetDefinition,
  batchId: number,
): Promise<number> {
  const table = sql.table(definition.table);
  // From each of the batch's rows to the live version of its record, through the key index
  // (which holds live rows only): one lookup per row, however young the batch is for the
  // planner's statistics (on PostgreSQL they count a just-imported batch as one row, and the
  // planner would compare every old version with every batch row).
  const replaced =
    await sql`update ${table} set ${setLive(false)}, live_changed_by = ${batchId} where row_id in (
      select o.row_id from ${table} n
      join ${table} o on o.nk_hash = n.nk_hash and o.nk = n.nk and ${isLive('o')}
      where n.batch_id = ${batchId})`.execute(tx);
  const live = await sql`update ${table} set ${setLive(true)} where batch_id = ${batchId}`.execute(
    tx,
  );
  return Number(replaced.numAffectedRows ?? 0) + Number(live.numAffectedRows ?? 0);
}

/**
 * A reviewer other than the uploader approves a pending batch: its rows become live. An
 * administrator may approve their own import, and anyone may approve a batch under the
 * validity threshold, only as an explicit override with a reason, which the trail keeps.
 */
export async function approveBatch(
  ctx: AppContext,
  reviewer: Reviewer,
  id: number,
  options: { override?: boolean; reason?: string } = {},
): Promise<BatchView> {
  if (!can(reviewer.role, 'batches.review')) throw new JianduError('FORBIDDEN');
  const { batch, definition } = await batchFor(ctx, reviewer, id, 'approve', 'pending');
  const override = options.override === true;
  const reason = options.reason?.trim() ?? '';
  if (override && reason === '') throw new JianduError('REASON_REQUIRED');
  const own = batch.uploader_id !== null && batch.uploader_id === reviewer.actor.id;
  if (own && !(can(reviewer.role, 'batches.reviewOwn') && override))
    throw new JianduError('REVIEW_SELF');
  const validity =
    (JSON.parse(batch.quality ?? '{}') as Partial<QualityReport>).validity?.score ?? 100;
  const threshold = await minValidity(ctx, batch.jurisdiction_code);
  if (validity < threshold && !override) {
    throw new JianduError('QUALITY_BELOW_THRESHOLD', { batch: id, score: validity, threshold });
  }
  let rewritten = 0;
  const view = await auditedWrite(ctx, reviewer.actor, async ({ tx, audit }) => {
    rewritten = await goLive(tx, definition, batch.id);
    const seq = await tx
      .selectFrom('ingest_batches')
      .select((eb) => eb.fn.max('approved_seq').as('last'))
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const updated = await tx
      .updateTable('ingest_batches')
      .set({
        status: 'approved',
        approved_seq: (seq.last ?? 0) + 1,
        reviewed_by_id: reviewer.actor.id,
        reviewed_by_name: reviewer.actor.name,
        reviewed_at: now,
        review_note: reason || null,
        override: override ? 1 : 0,
      })
      .where('id', '=', batch.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!updated)
      throw new JianduError('BATCH_STATE', {
        batch: id,
        status: statusNames.approved,
        action: actionNames.approve,
      });
    await audit({
      action: override ? 'batch.approve_override' : 'batch.approve',
      entity: 'batch',
      ids: [batch.id],
      jurisdictionCode: batch.jurisdiction_code,
      before: { status: 'pending' },
      after: {
        status: 'approved',
        rows: batch.accepted,
        validity,
        threshold,
        override,
        own_import: own,
        reason: reason || null,
      },
    });
    return toBatchView(updated, reviewer.scope);
  });
  const vacuumed = await vacuumAfterRewrite(ctx.handle, definition.table, rewritten);
  await refreshPlannerStatistics(ctx, { dataset: definition.key, analysedAlready: vacuumed });
  return view;
}

/** A reviewer sends a pending batch back with a reason; its rows never go live. */
export async function rejectBatch(
  ctx: AppContext,
  reviewer: Reviewer,
  id: number,
  reason: string,
): Promise<BatchView> {
  if (!can(reviewer.role, 'batches.review')) throw new JianduError('FORBIDDEN');
  if (reason.trim() === '') throw new JianduError('REASON_REQUIRED');
  const { batch } = await batchFor(ctx, reviewer, id, 'reject', 'pending');
  return auditedWrite(ctx, reviewer.actor, async ({ tx, audit }) => {
    const updated = await tx
      .updateTable('ingest_batches')
      .set({
        status: 'rejected',
        reviewed_by_id: reviewer.actor.id,
        reviewed_by_name: reviewer.actor.name,
        reviewed_at: new Date().toISOString(),
        review_note: reason.trim(),
      })
      .where('id', '=', batch.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'batch.reject',
      entity: 'batch',
      ids: [batch.id],
      jurisdictionCode: batch.jurisdiction_code,
      before: { status: 'pending' },
      after: { status: 'rejected', reason: reason.trim() },
    });
    return toBatchView(updated, reviewer.scope);
  });
}

/**
 * An administrator takes an approved batch back: its rows leave live data (each record
 * returns to its previous approved version, if any); the rows and the trail stay.
 */
export async function rollbackBatch(
  ctx: AppContext,
  reviewer: Reviewer,
  id: number,
  reason: string,
): Promise<BatchView> {
  if (!can(reviewer.role, 'batches.rollback')) throw new JianduError('FORBIDDEN');
  if (reason.trim() === '') throw new JianduError('REASON_REQUIRED');
  const { batch: found, definition } = await batchFor(ctx, reviewer, id, 'rollback', 'approved');
  let rewritten = 0;
  const view = await auditedWrite(ctx, reviewer.actor, async (write) => {
    const { tx, audit } = write;
    // A batch of a wider jurisdiction: only the reviewer's part of it goes.
    const batch = inScope(reviewer.scope, found.jurisdiction_code)
      ? found
      : await splitBatch(write, definition, found, reviewer.scope);
    // approved_seq orders every change of live data; incremental scans look for newer ones.
    const seq = await tx
      .selectFrom('ingest_batches')
      .select((eb) => eb.fn.max('approved_seq').as('last'))
      .executeTakeFirstOrThrow();
    const updated = await tx
      .updateTable('ingest_batches')
      .set({
        status: 'rolled_back',
        rolled_back_by_name: reviewer.actor.name,
        rolled_back_at: new Date().toISOString(),
        rollback_note: reason.trim(),
        approved_seq: (seq.last ?? 0) + 1,
      })
      .where('id', '=', batch.id)
      .where('status', '=', 'approved')
      .returningAll()
      .executeTakeFirst();
    if (!updated)
      throw new JianduError('BATCH_STATE', {
        batch: id,
        status: statusNames.rolled_back,
        action: actionNames.rollback,
      });
    const table = sql.table(definition.table);
    const liveBefore = await sql<{
      n: number;
    }>`select count(*) as n from ${table} where batch_id = ${batch.id} and ${isLive()}`.execute(tx);
    const withdrawn =
      await sql`update ${table} set ${setLive(false)} where batch_id = ${batch.id}`.execute(tx);
    // Each record the batch touched returns to its latest version in a still-approved batch:
    // one pass over the approved rows (the key index holds live rows only) against the
    // touched keys. On PostgreSQL the batch is younger than the statistics, which count it
    // as one row; a nested loop would then compare every row with every key, for minutes on a
    // county's payments. Hashing the keys is right whatever the batch's size.
    if (ctx.handle.dialect === 'postgres') await sql`set local enable_nestloop = off`.execute(tx);
    const restored =
      await sql`update ${table} set ${setLive(true)}, live_changed_by = ${batch.id} where row_id in (
        select row_id from (
          select r.row_id, row_number() over (
              partition by r.nk_hash, r.nk order by b.approved_seq desc, r.row_id desc) as recency
          from ${table} r join ingest_batches b on b.id = r.batch_id
          where b.status = 'approved'
            and (r.nk_hash, r.nk) in (select nk_hash, nk from ${table} where batch_id = ${batch.id})
        ) versions where recency = 1)`.execute(tx);
    if (ctx.handle.dialect === 'postgres') await sql`reset enable_nestloop`.execute(tx);
    rewritten = Number(withdrawn.numAffectedRows ?? 0) + Number(restored.numAffectedRows ?? 0);
    await audit({
      action: 'batch.rollback',
      entity: 'batch',
      ids: [batch.id],
      jurisdictionCode: batch.jurisdiction_code,
      before: { status: 'approved', live_rows: liveBefore.rows[0]?.n ?? 0 },
      after: { status: 'rolled_back', reason: reason.trim() },
    });
    return toBatchView(updated, reviewer.scope);
  });
  const vacuumed = await vacuumAfterRewrite(ctx.handle, definition.table, rewritten);
  await refreshPlannerStatistics(ctx, { dataset: definition.key, analysedAlready: vacuumed });
  return view;
}

export { statusNames as batchStatusNames };
