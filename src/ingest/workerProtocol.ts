import type { ErrorParams, ErrorCode } from '../core/errors.js';
import type { Dialect } from '../db/openDatabase.js';
import type { PipelineChunk, PipelineCounters } from './rowPipeline.js';

/**
 * Rows per chunk: each chunk is one transaction, and at most two wait between the reading
 * thread and the writing one, so small chunks keep an import's memory low; they are no
 * slower than large ones.
 */
export const chunkRows = Number(process.env.JIANDU_CHUNK_ROWS ?? 5_000);

/**
 * What the worker reads: a file, or an exchange request's records as JSON text (one string
 * is copied to the worker at once; the records' table is built and validated there, so that
 * a large request does not hold up a server).
 */
export type WorkerTable =
  /** `label`: the file's name in the reader's error messages. */
  { kind: 'file'; path: string; label: string } | { kind: 'records'; json: string };

/** Messages between the importing thread and the worker that reads and validates a table. */
export interface WorkerInput {
  entry: string;
  table: WorkerTable;
  fileLabel: string;
  dataset: string;
  source: string;
  today: string;
  dialect: Dialect;
  mapping: Record<string, string>;
}

export type ToWorker = { type: 'start'; batchId: number } | { type: 'ack' } | { type: 'abort' };

export type FromWorker =
  | { type: 'header'; format: string | null }
  | { type: 'chunk'; chunk: PipelineChunk; counters: PipelineCounters; bytesRead: number }
  | {
      type: 'done';
      counters: PipelineCounters;
      digest: { sha256: string; bytes: number } | null;
      encoding: string | null;
      originalRowsComplete: boolean;
    }
  | { type: 'failed'; code: ErrorCode | null; params: ErrorParams; message: string };
