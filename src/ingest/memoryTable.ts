import type { RawRow } from './readers/tableReader.js';

/** A table already in memory, read like a file: its rows in batches, no digest or encoding. */
export interface MemoryTable {
  format: string;
  encoding: null;
  batches(batchSize: number): AsyncIterable<RawRow[]>;
  digest(): null;
}

export function memoryTable(rows: readonly RawRow[], format: string): MemoryTable {
  return {
    format,
    encoding: null,
    batches: (batchSize) => ({
      [Symbol.asyncIterator]: () => {
        let start = 0;
        return {
          next: (): Promise<IteratorResult<RawRow[]>> => {
            if (start >= rows.length) return Promise.resolve({ done: true, value: undefined });
            start += batchSize;
            return Promise.resolve({ done: false, value: rows.slice(start - batchSize, start) });
          },
        };
      },
    }),
    digest: () => null,
  };
}
