import type { ErrorParams, ErrorCode } from '../core/errors.js';
import type { Dialect } from '../db/openDatabase.js';
import type { PipelineChunk, PipelineCounters } from './rowPipeline.js';

/** Messages between the importing thread and the worker that reads and validates a file. */
export interface WorkerInput {
  entry: string;
  filePath: string;
  fileLabel: string;
  dataset: string;
  source: string;
  today: string;
  dialect: Dialect;
  mapping: Record<string, string>;
}

export type ToWorker = { type: 'start'; batchId: number } | { type: 'ack' } | { type: 'abort' };

export type FromWorker =
  | { type: 'header'; format: string }
  | { type: 'chunk'; chunk: PipelineChunk; counters: PipelineCounters }
  | {
      type: 'done';
      counters: PipelineCounters;
      digest: { sha256: string; bytes: number };
      encoding: string | null;
      originalRowsComplete: boolean;
    }
  | { type: 'failed'; code: ErrorCode | null; params: ErrorParams; message: string };
