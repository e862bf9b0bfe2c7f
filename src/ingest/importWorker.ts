import { parentPort, workerData } from 'node:worker_threads';
import { isJianduError } from '../core/errors.js';
import { datasets } from './datasets/index.js';
import { isDatasetKey } from './datasetDefinition.js';
import { memoryTable } from './memoryTable.js';
import { recordsAsTable, type ExchangeRecord } from './recordsTable.js';
import { openTable } from './readers/openTable.js';
import type { RawRow } from './readers/tableReader.js';
import { RowPipeline } from './rowPipeline.js';
import { headerSearchRows, tableHeader } from './tableHeader.js';
import { chunkRows, type FromWorker, type ToWorker, type WorkerInput } from './workerProtocol.js';

/**
 * Reads and validates a large file (or a large exchange request's records) in a thread of its
 * own, so that the importing thread spends its time writing rows (and a server stays
 * responsive). Chunks wait for the writer's acknowledgement, two at most in flight: memory
 * stays bounded.
 */
const port = parentPort!;
const input = workerData as WorkerInput;
const maxInFlight = 2;

let inFlight = 0;
let aborted = false;
let started: ((batchId: number) => void) | null = null;
let drained: (() => void) | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'start') started?.(message.batchId);
  else if (message.type === 'ack') {
    inFlight -= 1;
    drained?.();
  } else aborted = true;
});

function send(message: FromWorker): void {
  port.postMessage(message);
}

async function run(): Promise<void> {
  if (!isDatasetKey(input.dataset)) throw new Error(`unknown dataset ${input.dataset}`);
  const definition = datasets[input.dataset];
  const table =
    input.table.kind === 'file'
      ? await openTable(input.table.path, input.table.label)
      : memoryTable(
          recordsAsTable(
            definition,
            JSON.parse(input.table.json) as ExchangeRecord[],
            input.mapping,
          ),
          'json',
        );
  const iterator = table.batches(chunkRows)[Symbol.asyncIterator]();
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
    definition,
    head.map((r) => r.cells),
    input.fileLabel,
    input.mapping,
  );
  const batchId = await new Promise<number>((resolve) => {
    started = resolve;
    send({ type: 'header', format: table.format });
  });
  const pipeline = new RowPipeline(definition, header.match, header.headers, {
    today: input.today,
    source: input.source,
    copyForBatch: input.dialect === 'postgres' ? batchId : null,
    originalRowColumn: header.originalRowColumn,
    // Exchange records carry no spreadsheet apostrophes to strip.
    fromFile: input.table.kind === 'file',
  });
  const flush = async (): Promise<void> => {
    while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (drained = resolve));
    inFlight += 1;
    send({
      type: 'chunk',
      chunk: pipeline.take(),
      counters: { ...pipeline.counters },
      bytesRead: 'bytesRead' in table ? table.bytesRead() : 0,
    });
  };
  const feed = async (rows: readonly RawRow[]): Promise<void> => {
    for (const row of rows) {
      pipeline.push(row);
      if (pipeline.pendingRows >= chunkRows) await flush();
    }
  };
  await feed(head.slice(header.position + 1));
  await feed(rest);
  for (;;) {
    if (aborted) return;
    const next = await iterator.next();
    if (next.done) break;
    await feed(next.value);
  }
  await flush();
  while (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  send({
    type: 'done',
    counters: pipeline.counters,
    digest: table.digest(),
    encoding: table.encoding,
    originalRowsComplete: pipeline.originalRowsComplete,
  });
}

run().catch((error: unknown) => {
  if (isJianduError(error))
    send({ type: 'failed', code: error.code, params: error.params, message: error.message });
  else
    send({
      type: 'failed',
      code: null,
      params: {},
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
});
