import { sql } from 'kysely';
import type { ImportSummary } from '../api/imports.js';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite, type WriteTx } from '../audit/auditedWrite.js';
import type { Scope } from '../auth/scope.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import type { BatchRow } from './batchesRepository.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import type { HeaderMappingUse } from './headerMappingsRepository.js';
import type { BatchStatus } from './ingestTables.js';
import { batchQuality, type QualityReport } from './quality.js';
import { holdRowsToJurisdiction, recordBatchDivisions } from './rowDivision.js';
import { isLive } from './liveRows.js';

/** What an import reports (`jiandu import --json` prints these keys: docs/reference/cli.md). */
export type { ImportSummary };

export interface FinaliseInput {
  batch: BatchRow;
  definition: DatasetDefinition;
  /** The batch's jurisdiction: every row must lie inside it. */
  scope: Scope;
  headerMapping: HeaderMappingUse | null;
  counters: {
    rowsRead: number;
    valid: number;
    repeated: number;
    filled: number;
    duplicatesInFile: number;
    quarantined: number;
    accepted: number;
  };
  digest: { sha256: string; bytes: number } | null;
  encoding: string | null;
  fixes: BatchRow | null;
  /** Every row of the fix file named its original row, so the rows can join that batch. */
  mergeIntoFixed: boolean;
  today: string;
}

/**
 * Rows of the batch identical to a live row are duplicates: removed, counted, not imported
 * again (set-based; skipped when the dataset holds nothing else). Rows that only repeat a
 * batch still waiting for review stay: if that batch is rejected they must not be lost; if
 * both are approved the second is an identical version. The same file imported again while
 * its first import waits adds nothing at all.
 */
async function removeDuplicates(
  tx: WriteTx,
  definition: DatasetDefinition,
  batchId: number,
  fileHash: string | null,
): Promise<number> {
  const table = sql.table(definition.table);
  // The very same file again while its first import waits for review: nothing new in it.
  if (fileHash) {
    const waiting = await tx
      .selectFrom('ingest_batches')
      .select('id')
      .where('dataset', '=', definition.key)
      .where('file_hash', '=', fileHash)
      .where('status', '=', 'pending')
      .where('id', '<>', batchId)
      .executeTakeFirst();
    if (waiting) {
      const result = await sql`delete from ${table} where batch_id = ${batchId}`.execute(tx);
      await sql`delete from ds_business_people where batch_id = ${batchId}`.execute(tx);
      return Number(result.numAffectedRows ?? 0);
    }
  }
  const others = await sql<{
    one: number;
  }>`select 1 as one from ${table} where batch_id <> ${batchId} limit 1`.execute(tx);
  if (others.rows.length === 0) return 0;
  const self = (column: string) => sql.ref(`${definition.table}.${column}`);
  const result = await sql`delete from ${table} where batch_id = ${batchId} and exists (
      select 1 from ${table} o
      where o.nk_hash = ${self('nk_hash')} and o.nk = ${self('nk')} and o.row_hash = ${self('row_hash')}
        and o.batch_id <> ${batchId} and ${isLive('o')})`.execute(tx);
  const removed = Number(result.numAffectedRows ?? 0);
  if (removed > 0 && definition.key === 'businesses') {
    await sql`delete from ds_business_people where batch_id = ${batchId} and not exists (
        select 1 from ds_businesses b where b.batch_id = ds_business_people.batch_id and b.row_number = ds_business_people.row_number)`.execute(
      tx,
    );
  }
  return removed;
}

/** Rows that will replace a live record when approved. */
async function countVersions(
  tx: WriteTx,
  definition: DatasetDefinition,
  batchId: number,
): Promise<number> {
  const table = sql.table(definition.table);
  // Without any live row there is nothing to replace: skip probing the key index once per
  // row of the batch, most of this step's time. The partial indexes on live rows answer this
  // at once.
  const live = await sql<{
    one: number;
  }>`select 1 as one from ${table} where ${isLive()} limit 1`.execute(tx);
  if (live.rows.length === 0) return 0;
  const result = await sql<{
    n: number;
  }>`select count(*) as n from ${table} t where t.batch_id = ${batchId}
      and exists (select 1 from ${table} o where o.nk_hash = t.nk_hash and o.nk = t.nk and ${isLive('o')})`.execute(
    tx,
  );
  return result.rows[0]?.n ?? 0;
}

export async function finaliseBatch(
  ctx: AppContext,
  actor: Actor,
  input: FinaliseInput,
): Promise<ImportSummary> {
  const { batch, definition } = input;
  const root = await readSetting<string>(ctx.handle.db, settingKeys.rootJurisdiction);
  return auditedWrite(ctx, actor, async ({ tx, audit }) => {
    const held = await holdRowsToJurisdiction(tx, definition, batch.id, input.scope, root);
    const counters = {
      ...input.counters,
      valid: input.counters.valid - held.quarantined,
      filled: input.counters.filled - held.filled,
      quarantined: input.counters.quarantined + held.quarantined,
      accepted: input.counters.accepted - held.quarantined,
    };
    const duplicatesOfLive = await removeDuplicates(
      tx,
      definition,
      batch.id,
      input.digest?.sha256 ?? null,
    );
    const accepted = counters.accepted - duplicatesOfLive;
    const duplicates = counters.duplicatesInFile + duplicatesOfLive;
    const versions = accepted > 0 ? await countVersions(tx, definition, batch.id) : 0;
    const quality = await batchQuality(tx, definition, batch.id, counters, accepted, input.today);
    let status: BatchStatus =
      accepted === 0 && counters.quarantined === 0 ? 'no_change' : 'pending';
    let mergedInto: number | null = null;
    const parent = input.fixes;
    if (parent) {
      const table = sql.table(definition.table);
      // The parent's quarantined rows this file brings again are resolved by it.
      await sql`update ingest_quarantine set resolved_batch_id = ${batch.id}
          where batch_id = ${parent.id} and resolved_batch_id is null and (
            row_number in (select row_number from ${table} where batch_id = ${batch.id})
            or row_number in (select row_number from ingest_quarantine where batch_id = ${batch.id}))`.execute(
        tx,
      );
      if (parent.status === 'pending' && input.mergeIntoFixed) {
        await sql`update ${table} set batch_id = ${parent.id} where batch_id = ${batch.id}`.execute(
          tx,
        );
        await sql`update ds_business_people set batch_id = ${parent.id} where batch_id = ${batch.id}`.execute(
          tx,
        );
        await sql`update ingest_quarantine set batch_id = ${parent.id} where batch_id = ${batch.id}`.execute(
          tx,
        );
        const remaining = await tx
          .selectFrom('ingest_quarantine')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('batch_id', '=', parent.id)
          .where('resolved_batch_id', 'is', null)
          .executeTakeFirstOrThrow();
        const parentAccepted = parent.accepted + accepted;
        const parentQuality = await batchQuality(
          tx,
          definition,
          parent.id,
          {
            rowsRead: parent.rows_read,
            valid: parent.rows_read - remaining.n,
            repeated:
              (JSON.parse(parent.quality ?? '{}') as Partial<QualityReport>).uniqueness?.repeated ??
              0,
            filled:
              ((JSON.parse(parent.quality ?? '{}') as Partial<QualityReport>).completeness
                ?.filled ?? 0) + counters.filled,
          },
          parentAccepted,
          input.today,
        );
        await tx
          .updateTable('ingest_batches')
          .set({
            accepted: parentAccepted,
            quarantined: remaining.n,
            duplicates: parent.duplicates + duplicates,
            versions: parent.versions + versions,
            quality: JSON.stringify(parentQuality),
          })
          .where('id', '=', parent.id)
          .execute();
        await audit({
          action: 'batch.fix',
          entity: 'batch',
          ids: [parent.id, batch.id],
          jurisdictionCode: parent.jurisdiction_code,
          before: { accepted: parent.accepted, quarantined: parent.quarantined },
          after: { accepted: parentAccepted, quarantined: remaining.n },
        });
        status = 'merged';
        mergedInto = parent.id;
      } else {
        // The fixed rows wait in their own batch; the parent keeps counting them as
        // quarantined (its rows still add up) and counts how many were fixed.
        const fixed = await tx
          .selectFrom('ingest_quarantine')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('batch_id', '=', parent.id)
          .where('resolved_batch_id', 'is not', null)
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('ingest_batches')
          .set({ fixed: fixed.n })
          .where('id', '=', parent.id)
          .execute();
      }
    }
    await recordBatchDivisions(tx, definition, mergedInto ?? batch.id);
    await tx
      .updateTable('ingest_batches')
      .set({
        status,
        rows_read: counters.rowsRead,
        accepted,
        quarantined: counters.quarantined,
        duplicates,
        versions,
        quality: JSON.stringify(quality),
        file_hash: input.digest?.sha256 ?? null,
        file_bytes: input.digest?.bytes ?? null,
        encoding: input.encoding,
        header_mapping: input.headerMapping ? JSON.stringify(input.headerMapping) : null,
        finished_at: new Date().toISOString(),
        heartbeat_at: null,
      })
      .where('id', '=', batch.id)
      .execute();
    const summary: ImportSummary = {
      batch_id: batch.id,
      dataset: definition.key,
      source: batch.source,
      status,
      rows: counters.rowsRead,
      accepted,
      quarantined: counters.quarantined,
      duplicates,
      versions,
      quality,
      file_hash: input.digest?.sha256 ?? null,
      merged_into: mergedInto,
      header_mapping: input.headerMapping,
    };
    await audit({
      action: 'batch.import',
      entity: 'batch',
      ids: [batch.id],
      jurisdictionCode: batch.jurisdiction_code,
      before: { status: 'importing' },
      after: { ...summary, quality: undefined },
    });
    return summary;
  });
}
