import type { FieldKind, ParseContext, StoredValue } from './fieldKinds.js';
import type { Rejection } from './rejection.js';

export const datasetKeys = [
  'residents',
  'officials',
  'relations',
  'programs',
  'disbursements',
  'deaths',
  'payroll',
  'vehicles',
  'properties',
  'businesses',
  'disabilities',
  'approvals',
] as const;
export type DatasetKey = (typeof datasetKeys)[number];

export function isDatasetKey(value: string): value is DatasetKey {
  return (datasetKeys as readonly string[]).includes(value);
}

export interface FieldDefinition {
  /** The template's English key (docs/reference/datasets.md). */
  key: string;
  /** The template's Chinese header. */
  header: string;
  /** Other headers departments use for the same column. */
  aliases?: readonly string[];
  required: boolean;
  type: FieldKind;
  /** Database column, when it differs from the key (money: `amount` → `amount_fen`). */
  column?: string;
}

/** A parsed row, keyed by database column. */
export type NormalisedRow = Record<string, StoredValue>;

/** A problem with a whole row: a rejection names a field; a warning lowers the quality score. */
export interface RowCheck {
  rejections: { field: string; reason: Rejection }[];
  warnings: { code: string; field: string; zh: string; en: string }[];
}

/**
 * Where a row belongs, which decides whose data it is (src/ingest/rowDivision.ts): a column
 * naming the division (a village, an official's area), the registry village of the person a
 * column names, the registry villages of the people a business row names, or nothing at all
 * (the programme catalogue, which only the county and above keep).
 */
export type RowDivision =
  | { kind: 'column'; column: string }
  | { kind: 'person'; column: string }
  | { kind: 'businessPeople' }
  | { kind: 'none' };

export interface DatasetDefinition {
  key: DatasetKey;
  name: { zh: string; en: string };
  /** The department that usually supplies it (the default `--source`). */
  department: string;
  /** Table of the rows, all versions (`live` marks the current ones). */
  table: string;
  fields: readonly FieldDefinition[];
  /**
   * Columns identifying one record across files: a row with the same natural key as a live
   * record is a new version of it. `source` is the batch's department.
   */
  naturalKey: readonly string[];
  /** Where a row belongs (see RowDivision). */
  division: RowDivision;
  /** The date or month field whose newest value measures timeliness, if any. */
  freshnessField: string | null;
  /** Fills defaults that depend on other fields, and the derived columns (after every field parsed). */
  complete?: (row: NormalisedRow) => void;
  /** Columns computed from the fields (name keys for matching), stored after them. */
  derivedColumns?: readonly string[];
  /** Checks across the fields of one row; null when the row is fine (the common case, kept cheap). */
  checkRow?: (row: NormalisedRow, context: ParseContext) => RowCheck | null;
}

export function columnOf(field: FieldDefinition): string {
  return field.column ?? field.key;
}
