import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { classifyDatabaseError, type DbHandle } from '../db/openDatabase.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { chunkColumns, type PipelineChunk } from './rowPipeline.js';

/** SQLite's page cache while rows are appended, in KiB. */
const bulkCacheKib = 16 * 1024;
/** Connections with imports under way, and the cache size to restore after the last. */
const reducedCaches = new Map<SqliteDatabase.Database, { writers: number; cacheSize: number }>();

/** Lowers the connection's page cache while imports write; returns the undo. */
function smallCache(database: SqliteDatabase.Database): () => void {
  let state = reducedCaches.get(database);
  if (!state) {
    const cacheSize = database.pragma('cache_size', { simple: true }) as number;
    state = { writers: 0, cacheSize };
    reducedCaches.set(database, state);
    database.pragma(`cache_size = -${bulkCacheKib}`);
  }
  state.writers += 1;
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    state.writers -= 1;
    if (state.writers > 0) return;
    reducedCaches.delete(database);
    if (database.open) database.pragma(`cache_size = ${state.cacheSize}`);
  };
}

export interface BulkWriter {
  /** Appends a chunk's accepted rows to the batch; one transaction per call. */
  write(chunk: PipelineChunk): Promise<void>;
  close(): Promise<void>;
}

/**
 * The bulk path into a dataset table: a prepared statement on SQLite, COPY on PostgreSQL.
 * It writes only rows of a batch that is still `importing` (never live, invisible to every
 * reader); the batch's audit entries record them (batch.rows, batch.import), and an import
 * that dies is cleaned away (abandonedImports.ts). Kysely's per-row overhead would cost more
 * than the whole rest of the import.
 */
export async function openBulkWriter(
  handle: DbHandle,
  definition: DatasetDefinition,
  batchId: number,
): Promise<BulkWriter> {
  const writer = await openNativeWriter(handle, definition, batchId);
  return {
    // The driver's errors as Jiandu's (a full disk, a locked file), as auditedWrite gives them.
    write: (chunk) =>
      writer.write(chunk).catch((error: unknown) => {
        throw classifyDatabaseError(error, handle.label);
      }),
    close: () => writer.close(),
  };
}

async function openNativeWriter(
  handle: DbHandle,
  definition: DatasetDefinition,
  batchId: number,
): Promise<BulkWriter> {
  const columns = chunkColumns(definition);
  const native = handle.native;
  if (native.kind === 'sqlite') {
    // Rows are appended (the indexes written during an import are by row and by batch), so
    // a large page cache only fills memory without saving time. Restored on close.
    const restoreCache = smallCache(native.database);
    const statement = native.database.prepare(
      `insert into ${definition.table} (batch_id, live, ${columns.join(', ')}) values (${batchId}, 0, ${columns.map(() => '?').join(', ')})`,
    );
    const stride = columns.length;
    const params: unknown[] = new Array<unknown>(stride);
    const insertAll = native.database.transaction((values: readonly unknown[], count: number) => {
      for (let row = 0; row < count; row += 1) {
        const base = row * stride;
        for (let i = 0; i < stride; i += 1) params[i] = values[base + i];
        statement.run(params);
      }
    });
    return {
      // Holding Kysely's connection keeps every other query off it while the rows go in.
      write: (chunk) =>
        chunk.accepted === 0
          ? Promise.resolve()
          : handle.db
              .connection()
              .execute(() => Promise.resolve(insertAll(chunk.values, chunk.accepted))),
      close: () => {
        restoreCache();
        return Promise.resolve();
      },
    };
  }
  const client: pg.PoolClient = await native.pool.connect();
  const copySql = `copy ${definition.table} (batch_id, ${columns.slice(0, 4).join(', ')}, live, ${columns.slice(4).join(', ')}) from stdin`;
  return {
    write: async (chunk) => {
      if (chunk.accepted === 0 || !chunk.copyText) return;
      await pipeline(Readable.from([chunk.copyText]), client.query(copyFrom(copySql)));
    },
    close: () => {
      client.release();
      return Promise.resolve();
    },
  };
}
