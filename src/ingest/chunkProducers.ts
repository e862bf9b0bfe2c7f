import { Worker } from 'node:worker_threads';
import { JianduError } from '../core/errors.js';
import type { Dialect } from '../db/openDatabase.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { openTable } from './readers/openTable.js';
import type { RawRow, TableSource } from './readers/tableReader.js';
import { RowPipeline, type PipelineChunk, type PipelineCounters } from './rowPipeline.js';
import { headerSearchRows, tableHeader } from './tableHeader.js';
import { memoryTable } from './memoryTable.js';
import { recordsAsTable, type ExchangeRecord } from './recordsTable.js';
import {
  chunkRows,
  type FromWorker,
  type ToWorker,
  type WorkerInput,
  type WorkerTable,
} from './workerProtocol.js';

/**
 * Where an import's rows come from: a file or an exchange request's JSON records (read here
 * or in a worker), or rows streamed in.
 */
export type TableSourceInput =
  | {
      kind: 'file';
      path: string;
      /** The file's name in error messages (default: its path). */
      label?: string;
      useWorker?: boolean;
    }
  | { kind: 'records'; records: readonly ExchangeRecord[]; useWorker?: boolean }
  | {
      kind: 'rows';
      batches: AsyncIterable<RawRow[]>;
      format: string | null;
      digest: () => { sha256: string; bytes: number } | null;
      encoding: () => string | null;
    };

/** Rows already in memory (the exchange API's records) as a table source. */
export function rowsInMemory(rows: RawRow[], format: string): TableSourceInput {
  return {
    kind: 'rows',
    batches: {
      [Symbol.asyncIterator]: () => {
        let given = false;
        return {
          next: (): Promise<IteratorResult<RawRow[]>> => {
            if (given) return Promise.resolve({ done: true, value: undefined });
            given = true;
            return Promise.resolve({ done: false, value: rows });
          },
        };
      },
    },
    format,
    digest: () => null,
    encoding: () => null,
  };
}

export interface ProducerResult {
  counters: PipelineCounters;
  digest: { sha256: string; bytes: number } | null;
  encoding: string | null;
  originalRowsComplete: boolean;
}

/**
 * Turns a table into validated chunks: first the header (which may fail the whole file),
 * then, once the batch exists, its chunks, then the totals.
 */
export interface ChunkProducer {
  format: string | null;
  chunks(batchId: number): AsyncIterable<PipelineChunk>;
  /** How far through the file reading is (for a progress display); null for rows in memory. */
  bytes(): { read: number; total: number } | null;
  result(): ProducerResult;
  /** Stops reading (the import failed). */
  abort(): Promise<void>;
}

export interface ProducerOptions {
  definition: DatasetDefinition;
  fileLabel: string;
  source: string;
  today: string;
  dialect: Dialect;
  mapping: Record<string, string>;
}

/** Files whose content (an XLSX's unzipped) is larger than this are read in a worker thread. */
export const workerThresholdBytes = 8 * 1024 * 1024;

/** Exchange requests with more records than this are validated in a worker thread. */
export const workerThresholdRecords = 1_000;

/** A table read in the importing thread. */
interface InlineTable {
  batches: AsyncIterable<RawRow[]>;
  format: string | null;
  digest: () => { sha256: string; bytes: number } | null;
  encoding: () => string | null;
  /** Progress through the content, or null for rows in memory. */
  bytes: () => { read: number; total: number } | null;
  /** A file a clerk filled in: the apostrophes a spreadsheet export added are stripped. */
  fromFile: boolean;
}

function openedRows(table: TableSource): InlineTable {
  return {
    batches: table.batches(chunkRows),
    format: table.format,
    digest: () => table.digest(),
    encoding: (): string | null => table.encoding,
    bytes: () => ({ read: table.bytesRead(), total: table.contentBytes }),
    fromFile: true,
  };
}

function inMemory(
  input: Extract<TableSourceInput, { kind: 'rows' | 'records' }>,
  options: ProducerOptions,
): InlineTable {
  if (input.kind === 'rows') return { ...input, bytes: () => null, fromFile: false };
  const table = memoryTable(
    recordsAsTable(options.definition, input.records, options.mapping),
    'json',
  );
  return {
    batches: table.batches(chunkRows),
    format: table.format,
    digest: () => table.digest(),
    encoding: () => table.encoding,
    bytes: () => null,
    fromFile: false,
  };
}

async function inlineProducer(
  table: InlineTable,
  options: ProducerOptions,
): Promise<ChunkProducer> {
  const iterator = table.batches[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  let rest: RawRow[] = [];
  while (head.length < headerSearchRows) {
    const next = await iterator.next();
    if (next.done) break;
    const room = headerSearchRows - head.length;
    head.push(...next.value.slice(0, room));
    rest = next.value.slice(room);
    if (rest.length > 0) break;
  }
  const header = tableHeader(
    options.definition,
    head.map((r) => r.cells),
    options.fileLabel,
    options.mapping,
  );
  let pipeline: RowPipeline | null = null;
  let stopped = false;
  return {
    format: table.format,
    bytes: table.bytes,
    async *chunks(batchId) {
      const p = new RowPipeline(options.definition, header.match, header.headers, {
        today: options.today,
        source: options.source,
        copyForBatch: options.dialect === 'postgres' ? batchId : null,
        originalRowColumn: header.originalRowColumn,
        fromFile: table.fromFile,
      });
      pipeline = p;
      for (const row of head.slice(header.position + 1)) p.push(row);
      for (const row of rest) {
        p.push(row);
        if (p.pendingRows >= chunkRows) yield p.take();
      }
      while (!stopped) {
        const next = await iterator.next();
        if (next.done) break;
        for (const row of next.value) {
          p.push(row);
          if (p.pendingRows >= chunkRows) yield p.take();
        }
      }
      yield p.take();
    },
    result() {
      if (!pipeline) throw new Error('no rows were read');
      return {
        counters: pipeline.counters,
        digest: table.digest(),
        encoding: table.encoding(),
        originalRowsComplete: pipeline.originalRowsComplete,
      };
    },
    abort: async () => {
      stopped = true;
      await iterator.return?.();
    },
  };
}

/** A worker that ran out of its bounded memory: the file holds more than an import may. */
function outOfMemory(label: string): JianduError {
  return new JianduError('FILE_TOO_LARGE', {
    path: label,
    detail: {
      zh: '内容过多，读取时超出了导入可用的内存；请拆分成几个文件再导入',
      en: 'reading it needs more memory than an import may use; split it into several files',
    },
  });
}

async function workerProducer(
  table: WorkerTable,
  /** The content's size, for progress (0 for records). */
  total: number,
  options: ProducerOptions,
): Promise<ChunkProducer> {
  const label = table.kind === 'file' ? table.label : options.fileLabel;
  const data: WorkerInput = {
    entry: new URL('./importWorker.ts', import.meta.url).href,
    table,
    fileLabel: options.fileLabel,
    dataset: options.definition.key,
    source: options.source,
    today: options.today,
    dialect: options.dialect,
    mapping: options.mapping,
  };
  const worker = new Worker(new URL('./importWorkerBootstrap.mjs', import.meta.url), {
    workerData: data,
    // A bounded heap keeps the import's memory bounded (V8 otherwise lets garbage pile up to
    // gigabytes before collecting, and a smaller heap is no slower), and a roomier young
    // generation lets the reader's short-lived strings die young.
    resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 48 },
  });
  const queue: FromWorker[] = [];
  let wake: (() => void) | null = null;
  let exitError: Error | null = null;
  worker.on('message', (message: FromWorker) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    exitError =
      (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? outOfMemory(label)
        : error;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) exitError ??= new Error(`the import worker stopped with code ${code}`);
    wake?.();
  });
  const next = async (): Promise<FromWorker> => {
    for (;;) {
      const message = queue.shift();
      if (message) {
        if (message.type === 'failed') {
          await worker.terminate();
          throw message.code
            ? new JianduError(message.code, message.params)
            : new Error(message.message);
        }
        return message;
      }
      if (exitError) throw exitError;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  const post = (message: ToWorker): void => worker.postMessage(message);
  const header = await next();
  if (header.type !== 'header') throw new Error(`unexpected ${header.type} from the import worker`);
  let result: ProducerResult | null = null;
  let read = 0;
  return {
    format: header.format,
    bytes: () => (table.kind === 'file' ? { read, total } : null),
    async *chunks(batchId) {
      post({ type: 'start', batchId });
      for (;;) {
        const message = await next();
        if (message.type === 'chunk') {
          read = message.bytesRead;
          yield message.chunk;
          post({ type: 'ack' });
        } else if (message.type === 'done') {
          result = {
            counters: message.counters,
            digest: message.digest,
            encoding: message.encoding,
            originalRowsComplete: message.originalRowsComplete,
          };
          await worker.terminate();
          return;
        }
      }
    },
    result() {
      if (!result) throw new Error('the import worker did not finish');
      return result;
    },
    abort: async () => {
      post({ type: 'abort' });
      await worker.terminate();
    },
  };
}

export async function chunkProducer(
  input: TableSourceInput,
  options: ProducerOptions,
): Promise<ChunkProducer> {
  if (input.kind === 'rows') return inlineProducer(inMemory(input, options), options);
  if (input.kind === 'records') {
    if (input.useWorker ?? input.records.length > workerThresholdRecords)
      return workerProducer({ kind: 'records', json: JSON.stringify(input.records) }, 0, options);
    return inlineProducer(inMemory(input, options), options);
  }
  const label = input.label ?? input.path;
  // Opening reads only the file's beginning (and a workbook's directory): refusals come
  // from here, and the size of what there is to read decides where it is read.
  const table = await openTable(input.path, label);
  const useWorker = input.useWorker ?? table.contentBytes > workerThresholdBytes;
  if (useWorker)
    return workerProducer({ kind: 'file', path: input.path, label }, table.contentBytes, options);
  return inlineProducer(openedRows(table), options);
}
