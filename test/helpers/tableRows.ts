import { rowsInMemory, type TableSourceInput } from '../../src/ingest/chunkProducers.js';
import type { RawRow } from '../../src/ingest/readers/tableReader.js';

/** Records keyed by template key as an in-memory table (header first). */
export function chunkProducerRows(records: Record<string, string>[]): TableSourceInput {
  const keys: string[] = [];
  for (const record of records)
    for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  const rows: RawRow[] = [
    { rowNumber: 1, cells: keys },
    ...records.map((record, index) => ({
      rowNumber: index + 2,
      cells: keys.map((k) => (record[k] ? record[k] : null)),
    })),
  ];
  return rowsInMemory(rows, 'test');
}
