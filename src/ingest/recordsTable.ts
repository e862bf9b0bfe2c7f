import { exchangeLimits } from '../api/exchange.js';
import { JianduError } from '../core/errors.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { headerIndex, normaliseHeader } from './headerMatching.js';
import type { Cell, RawRow } from './readers/tableReader.js';

export { exchangeLimits };

export type ExchangeRecord = Readonly<Record<string, string | number | null>>;

/** The table's columns: the header, and the column of each key as sent. */
export interface RecordColumns {
  header: string[];
  columnOfKey: ReadonlyMap<string, number>;
}

/**
 * The columns of JSON records read as a table: one per key the records use, as a file with
 * those columns would have (the header recognition then applies). Keys are compared as
 * headers are (spaces, width, case), so each spelling is one column; a key the template
 * does not know (its English key, Chinese header, an alias or the department's own column
 * name) becomes an extra attribute, at most `maxUnknownKeys` of them per request. Linear
 * in the number of keys, and cheap: the exchange route checks the keys with it before the
 * import starts.
 */
export function recordColumns(
  definition: DatasetDefinition,
  records: readonly ExchangeRecord[],
  mapping: Readonly<Record<string, string>> = {},
): RecordColumns {
  const index = headerIndex(definition, mapping);
  const header: string[] = [];
  // Column of each key as sent, and of each key as normalised.
  const columnOfKey = new Map<string, number>();
  const columnOfName = new Map<string, number>();
  const unknown: string[] = [];

  const add = (key: string): void => {
    if (key.length > exchangeLimits.maxKeyLength) {
      throw new JianduError('INVALID_REQUEST', {
        detail: {
          zh: `字段名最多 ${exchangeLimits.maxKeyLength} 个字符：${key.slice(0, 20)}……`,
          en: `a field name has at most ${exchangeLimits.maxKeyLength} characters: ${key.slice(0, 20)}…`,
        },
      });
    }
    const normalised = normaliseHeader(key);
    if (normalised === '') {
      throw new JianduError('INVALID_REQUEST', {
        detail: { zh: '记录中有空白的字段名', en: 'a record has a blank field name' },
      });
    }
    let column = columnOfName.get(normalised);
    if (column === undefined) {
      if (!index.has(normalised)) {
        unknown.push(key);
        if (unknown.length > exchangeLimits.maxUnknownKeys) {
          throw new JianduError('EXCHANGE_UNKNOWN_KEYS', {
            dataset: definition.name,
            max: exchangeLimits.maxUnknownKeys,
            sample: unknown.slice(0, 5).join('、'),
          });
        }
      }
      column = header.length;
      header.push(key.trim());
      columnOfName.set(normalised, column);
    }
    columnOfKey.set(key, column);
  };

  for (const record of records)
    for (const key of Object.keys(record)) if (!columnOfKey.has(key)) add(key);
  return { header, columnOfKey };
}

/** JSON records as a table for the import: the header row, then one row per record. */
export function recordsAsTable(
  definition: DatasetDefinition,
  records: readonly ExchangeRecord[],
  mapping: Readonly<Record<string, string>> = {},
): RawRow[] {
  const { header, columnOfKey } = recordColumns(definition, records, mapping);
  const rows: RawRow[] = [{ rowNumber: 0, cells: header }];
  records.forEach((record, position) => {
    const cells: Cell[] = new Array<Cell>(header.length).fill(null);
    for (const [key, value] of Object.entries(record)) {
      if (value === null || value === '') continue;
      const column = columnOfKey.get(key)!;
      if (cells[column] !== null) {
        throw new JianduError('INVALID_REQUEST', {
          detail: {
            zh: `第 ${position + 1} 条记录两次给出字段 ${key.trim()}（仅空格、全半角或大小写不同）`,
            en: `record ${position + 1} gives the field ${key.trim()} twice (differing only in spaces, width or case)`,
          },
        });
      }
      cells[column] = value;
    }
    rows.push({ rowNumber: position + 1, cells });
  });
  return rows;
}
