/**
 * What every file reader produces: the rows of one table, as a clerk sees them in Excel,
 * before any validation. The validators decide what a cell means; readers only keep
 * what the file says (nothing is trimmed, numbers are not turned into text or back).
 */

/**
 * One cell. CSV gives strings; XLSX gives numbers for numeric cells, `Date` for
 * date-formatted cells (the Excel wall-clock value, in UTC fields) and strings otherwise.
 * An empty cell is always `null`, never `''`.
 */
export type Cell = string | number | Date | null;

/** `rowNumber` is 1-based, the line (CSV) or row (XLSX) a clerk sees in Excel. */
export interface RawRow {
  rowNumber: number;
  cells: Cell[];
}

export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface TableSource {
  format: FileFormat;
  /**
   * null for xlsx. For a CSV file whose first 64 KiB are plain ASCII the encoding is
   * provisional ('utf-8') until the first non-ASCII byte has been read; it is final once
   * batches() is exhausted.
   */
  encoding: TextEncoding | null;
  /** What there is to read, in bytes: the file for CSV, its parts unzipped for XLSX. */
  contentBytes: number;
  /** Rows in order, in arrays of up to `batchSize` rows (default 5,000), streaming: never the whole file in memory. */
  batches(batchSize?: number): AsyncIterable<RawRow[]>;
  /** After batches() is exhausted: the file's hash (hex) and size in bytes, computed while reading (no second read). */
  digest(): { sha256: string; bytes: number };
  /** Of contentBytes, how many batches() has read so far: the progress of a long import. */
  bytesRead(): number;
}

export const defaultBatchSize = 5000;
