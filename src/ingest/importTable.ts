import os from 'node:os';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import type { Scope } from '../auth/scope.js';
import { todayInChina } from '../core/dates.js';
import { dataToday } from '../settings/dataToday.js';
import { JianduError } from '../core/errors.js';
import { cleanupAbandonedImports, discardBatch } from './abandonedImports.js';
import { insertBatch, type BatchRow } from './batchesRepository.js';
import { openBulkWriter } from './bulkWriter.js';
import { chunkProducer, type TableSourceInput } from './chunkProducers.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { finaliseBatch, type ImportSummary } from './finaliseBatch.js';
import type { BatchChannel } from './ingestTables.js';
import type { HeaderMappingUse } from './headerMappingsRepository.js';
import { insertQuarantine } from './quarantineRepository.js';
import { loadsUndividedRows } from './rowDivision.js';
import type { PipelineChunk } from './rowPipeline.js';

const heartbeatMs = 2_000;

export interface ImportProgress {
  rowsRead: number;
  accepted: number;
  quarantined: number;
  /** Bytes of the file read so far and its size (a file only): the best guess of time left. */
  bytesRead?: number;
  totalBytes?: number;
}

export interface TableImport {
  definition: DatasetDefinition;
  source: string;
  channel: BatchChannel;
  fileName: string | null;
  table: TableSourceInput;
  actor: Actor;
  /** The uploader's jurisdiction: the batch belongs to it. */
  scope: Scope;
  /** Custom header → template key mapping (a department's own column names). */
  headerMapping?: Readonly<Record<string, string>>;
  /** Where that mapping comes from, for the import's result. */
  headerMappingUse?: HeaderMappingUse;
  /** Batch whose quarantined rows this table fixes. */
  fixes?: BatchRow;
  onProgress?: (progress: ImportProgress) => void;
  today?: string;
}

/**
 * Imports one table into a new batch: header recognition, row validation, quarantine,
 * duplicates inside the file, then (finaliseBatch) duplicates of live data, new versions and
 * the quality report. Rows are written in chunks so a large file never sits in memory and a
 * server stays responsive; until the batch is finished it is `importing`, invisible to
 * every reader. An import that fails is discarded at once; one whose process dies is removed
 * by the next import.
 */
export async function importTable(ctx: AppContext, input: TableImport): Promise<ImportSummary> {
  const { definition } = input;
  if (definition.division.kind === 'none' && !loadsUndividedRows(input.scope)) {
    throw new JianduError('DATASET_COUNTY_LEVEL', { dataset: definition.name });
  }
  await cleanupAbandonedImports(ctx);
  const today = input.today ?? todayInChina();
  const producer = await chunkProducer(input.table, {
    definition,
    fileLabel: input.fileName ?? definition.key,
    source: input.source,
    today,
    dialect: ctx.handle.dialect,
    mapping: { ...(input.headerMapping ?? {}) },
  });
  let batch: BatchRow;
  try {
    batch = await auditedWrite(ctx, input.actor, (scope) =>
      insertBatch(scope, {
        dataset: definition.key,
        source: input.source,
        channel: input.channel,
        fileName: input.fileName,
        fileHash: null,
        fileBytes: null,
        format: producer.format,
        encoding: null,
        jurisdictionCode: input.scope.code,
        parentBatchId: input.fixes?.id ?? null,
        importer: `${os.hostname()}:${process.pid}`,
      }),
    );
  } catch (error) {
    await producer.abort();
    throw error;
  }
  const writer = await openBulkWriter(ctx.handle, definition, batch.id);
  let lastBeat = Date.now();
  const progress = { rowsRead: 0, accepted: 0, quarantined: 0 };

  const store = async (chunk: PipelineChunk): Promise<void> => {
    await writer.write(chunk);
    progress.accepted += chunk.accepted;
    progress.quarantined += chunk.quarantined.length;
    const beat = Date.now() - lastBeat > heartbeatMs;
    if (chunk.quarantined.length === 0 && chunk.people.length === 0 && !beat) return;
    lastBeat = Date.now();
    await auditedWrite(ctx, input.actor, async ({ tx, audit }) => {
      if (chunk.quarantined.length > 0) await insertQuarantine(tx, batch.id, chunk.quarantined);
      for (let i = 0; i < chunk.people.length; i += 500) {
        await tx
          .insertInto('ds_business_people')
          .values(
            chunk.people.slice(i, i + 500).map((p) => ({
              batch_id: batch.id,
              row_number: p.rowNumber,
              id_number: p.idNumber,
              role: p.role,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await tx
        .updateTable('ingest_batches')
        .set({ heartbeat_at: new Date().toISOString() })
        .where('id', '=', batch.id)
        .execute();
      await audit({
        action: 'batch.rows',
        entity: 'batch',
        ids: [batch.id],
        jurisdictionCode: batch.jurisdiction_code,
        after: {
          accepted_so_far: progress.accepted,
          quarantined: chunk.quarantined.length,
          business_people: chunk.people.length,
        },
      });
    });
  };

  try {
    for await (const chunk of producer.chunks(batch.id)) {
      await store(chunk);
      progress.rowsRead = progress.accepted + progress.quarantined;
      const bytes = producer.bytes();
      input.onProgress?.(
        bytes ? { ...progress, bytesRead: bytes.read, totalBytes: bytes.total } : { ...progress },
      );
    }
  } catch (error) {
    await producer.abort();
    await writer.close();
    // Discarding may fail for the same reason (a disk still full): the batch then stays
    // `importing` until the cleanup of abandoned imports, and the first error is the one told.
    await discardBatch(ctx, batch, error instanceof Error ? error.message : String(error)).catch(
      () => undefined,
    );
    throw error;
  }
  await writer.close();
  const result = producer.result();
  return finaliseBatch(ctx, input.actor, {
    batch,
    definition,
    counters: result.counters,
    digest: result.digest,
    encoding: result.encoding,
    scope: input.scope,
    headerMapping: input.headerMappingUse ?? null,
    fixes: input.fixes ?? null,
    mergeIntoFixed: result.originalRowsComplete,
    // Timeliness is judged against the data's today, as scans are (a demo county's date).
    today: input.today ?? (await dataToday(ctx.handle.db)),
  });
}
