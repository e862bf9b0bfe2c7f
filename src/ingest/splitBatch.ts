import { sql } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import { scopePattern, type Scope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import type { BatchRow } from './batchesRepository.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { divisionColumn, recordBatchDivisions } from './rowDivision.js';

/**
 * Splits off the rows of an approved batch that lie inside `scope` into a batch of their own
 * (same dataset, source and file; `parent_batch_id` names the original), so that the
 * township they belong to can take them back without touching the rest of a county batch.
 * The new batch is approved, like the rows it holds.
 */
export async function splitBatch(
  { tx, audit }: WriteScope,
  definition: DatasetDefinition,
  batch: BatchRow,
  scope: Scope,
): Promise<BatchRow> {
  const column = divisionColumn(definition);
  if (column === null) throw new JianduError('BATCH_NOT_FOUND', { batch: batch.id });
  const part = await tx
    .insertInto('ingest_batches')
    .values({
      dataset: batch.dataset,
      source: batch.source,
      channel: batch.channel,
      file_name: batch.file_name,
      file_hash: null,
      file_bytes: null,
      format: batch.format,
      encoding: batch.encoding,
      uploader_id: batch.uploader_id,
      uploader_name: batch.uploader_name,
      jurisdiction_code: scope.code,
      created_at: new Date().toISOString(),
      finished_at: batch.finished_at,
      status: 'approved',
      reviewed_by_id: batch.reviewed_by_id,
      reviewed_by_name: batch.reviewed_by_name,
      reviewed_at: batch.reviewed_at,
      review_note: batch.review_note,
      override: batch.override,
      approved_seq: batch.approved_seq,
      parent_batch_id: batch.id,
      importer: null,
      heartbeat_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const table = sql.table(definition.table);
  const moved = await sql`update ${table} set batch_id = ${part.id}
    where batch_id = ${batch.id} and ${sql.ref(column)} like ${scopePattern(scope)}`.execute(tx);
  const rows = Number(moved.numAffectedRows ?? 0);
  if (rows === 0) throw new JianduError('BATCH_NOT_FOUND', { batch: batch.id });
  if (definition.key === 'businesses') {
    await sql`update ds_business_people set batch_id = ${part.id}
      where batch_id = ${batch.id} and row_number in (
        select row_number from ds_businesses where batch_id = ${part.id})`.execute(tx);
  }
  const updated = await tx
    .updateTable('ingest_batches')
    .set({ rows_read: rows, accepted: rows })
    .where('id', '=', part.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('ingest_batches')
    .set({ accepted: Math.max(0, batch.accepted - rows) })
    .where('id', '=', batch.id)
    .execute();
  await recordBatchDivisions(tx, definition, batch.id);
  await recordBatchDivisions(tx, definition, part.id);
  await audit({
    action: 'batch.split',
    entity: 'batch',
    ids: [batch.id, part.id],
    jurisdictionCode: scope.code,
    before: { batch: batch.id, accepted: batch.accepted },
    after: { batch: part.id, rows, jurisdiction: scope.code },
  });
  return updated;
}
