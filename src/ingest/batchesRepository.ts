import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import { inScope, inScopeSql, scopePattern, type Scope } from '../auth/scope.js';
import type { Database } from '../db/schema.js';
import type { HeaderMappingUse } from './headerMappingsRepository.js';
import type { BatchChannel, BatchStatus, IngestBatchTable } from './ingestTables.js';
import type { QualityReport } from './quality.js';

export type BatchRow = Selectable<IngestBatchTable>;

/** A batch as the API and the command line show it. */
export interface BatchView {
  id: number;
  dataset: string;
  source: string;
  channel: BatchChannel;
  fileName: string | null;
  fileHash: string | null;
  uploader: string;
  jurisdictionCode: string;
  createdAt: string;
  finishedAt: string | null;
  status: BatchStatus;
  rows: number;
  accepted: number;
  quarantined: number;
  /** Of the quarantined rows, those a later fix file brought in (in a batch of its own). */
  fixed: number;
  duplicates: number;
  versions: number;
  quality: QualityReport | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  override: boolean;
  parentBatchId: number | null;
  uploaderId: number | null;
  rolledBackBy: string | null;
  rolledBackAt: string | null;
  rollbackNote: string | null;
  /**
   * Whether the reader's jurisdiction covers the whole batch; false when they see it only
   * because some of its rows lie in their jurisdiction (a county batch, to a township).
   */
  whole: boolean;
  /** The saved column names the file was read with, if any. */
  headerMapping: HeaderMappingUse | null;
}

/** The batch as `scope` sees it (the whole batch, or only its rows inside the scope). */
export function toBatchView(row: BatchRow, scope?: Scope): BatchView {
  return {
    id: row.id,
    dataset: row.dataset,
    source: row.source,
    channel: row.channel,
    fileName: row.file_name,
    fileHash: row.file_hash,
    uploader: row.uploader_name,
    jurisdictionCode: row.jurisdiction_code,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    status: row.status,
    rows: row.rows_read,
    accepted: row.accepted,
    quarantined: row.quarantined,
    fixed: row.fixed,
    duplicates: row.duplicates,
    versions: row.versions,
    quality: row.quality ? (JSON.parse(row.quality) as QualityReport) : null,
    reviewedBy: row.reviewed_by_name,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    override: row.override === 1,
    parentBatchId: row.parent_batch_id,
    uploaderId: row.uploader_id,
    rolledBackBy: row.rolled_back_by_name,
    rolledBackAt: row.rolled_back_at,
    rollbackNote: row.rollback_note,
    whole: scope === undefined || inScope(scope, row.jurisdiction_code),
    headerMapping: row.header_mapping ? (JSON.parse(row.header_mapping) as HeaderMappingUse) : null,
  };
}

export interface NewBatch {
  dataset: string;
  source: string;
  channel: BatchChannel;
  fileName: string | null;
  fileHash: string | null;
  fileBytes: number | null;
  format: string | null;
  encoding: string | null;
  jurisdictionCode: string;
  parentBatchId: number | null;
  importer: string;
}

export async function insertBatch(
  { tx, actor, audit }: WriteScope,
  input: NewBatch,
): Promise<BatchRow> {
  const now = new Date().toISOString();
  const row = await tx
    .insertInto('ingest_batches')
    .values({
      dataset: input.dataset,
      source: input.source,
      channel: input.channel,
      file_name: input.fileName,
      file_hash: input.fileHash,
      file_bytes: input.fileBytes,
      format: input.format,
      encoding: input.encoding,
      uploader_id: actor.id,
      uploader_name: actor.name,
      jurisdiction_code: input.jurisdictionCode,
      created_at: now,
      status: 'importing',
      parent_batch_id: input.parentBatchId,
      importer: input.importer,
      heartbeat_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: 'batch.start',
    entity: 'batch',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: {
      dataset: row.dataset,
      source: row.source,
      channel: row.channel,
      file: row.file_name,
      file_hash: row.file_hash,
    },
  });
  return row;
}

/** A batch whose jurisdiction the scope covers: the batches a user may review and fix. */
export async function findBatch(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<BatchRow | undefined> {
  return db
    .selectFrom('ingest_batches')
    .selectAll()
    .where('id', '=', id)
    .where(inScopeSql('ingest_batches.jurisdiction_code', scope))
    .executeTakeFirst();
}

/**
 * A batch the scope covers, or one with rows inside the scope: a township's administrator
 * sees, and may take back, the township's part of a county batch.
 */
function visibleSql(scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${inScopeSql('ingest_batches.jurisdiction_code', scope)} or exists (
    select 1 from ingest_batch_divisions d
    where d.batch_id = ingest_batches.id and d.division_code like ${scopePattern(scope)}))`;
}

export async function findVisibleBatch(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<BatchRow | undefined> {
  return db
    .selectFrom('ingest_batches')
    .selectAll()
    .where('id', '=', id)
    .where(visibleSql(scope))
    .executeTakeFirst();
}

export interface BatchFilter {
  dataset?: string;
  status?: BatchStatus;
  limit: number;
  beforeId?: number;
}

export async function listBatches(
  db: Kysely<Database>,
  scope: Scope,
  filter: BatchFilter,
): Promise<BatchView[]> {
  let query = db
    .selectFrom('ingest_batches')
    .selectAll()
    .where(visibleSql(scope))
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.dataset) query = query.where('dataset', '=', filter.dataset);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return (await query.execute()).map((row) => toBatchView(row, scope));
}

/**
 * A dataset's live rows, estimated from its approved batches (rows accepted, less the records
 * they replaced): one small query instead of counting a table of millions.
 */
export async function estimatedLiveRows(db: Kysely<Database>, dataset: string): Promise<number> {
  const row = await db
    .selectFrom('ingest_batches')
    .select((eb) =>
      eb.fn.sum<number | string | null>(eb('accepted', '-', eb.ref('versions'))).as('n'),
    )
    .where('dataset', '=', dataset)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Math.max(0, Number(row?.n ?? 0));
}

/** Rows of a dataset's batches (or of all but some datasets') approved or rolled back after `sinceSeq`. */
export async function changedRowsSince(
  db: Kysely<Database>,
  datasets: string | { except: string[] },
  sinceSeq: number,
): Promise<number> {
  const row = await db
    .selectFrom('ingest_batches')
    .select((eb) => eb.fn.sum<number | string | null>('accepted').as('n'))
    .where((eb) =>
      typeof datasets === 'string'
        ? eb('dataset', '=', datasets)
        : eb('dataset', 'not in', datasets.except),
    )
    .where('approved_seq', '>', sinceSeq)
    .where('status', 'in', ['approved', 'rolled_back'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
