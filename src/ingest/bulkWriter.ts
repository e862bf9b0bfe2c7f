import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbHandle } from '../db/openDatabase.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { chunkColumns, type PipelineChunk } from './rowPipeline.js';

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
  const columns = chunkColumns(definition);
  const native = handle.native;
  if (native.kind === 'sqlite') {
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
      close: () => Promise.resolve(),
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
