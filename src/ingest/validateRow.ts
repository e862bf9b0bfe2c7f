import { looksLikeFormula } from '../core/csv.js';
import type { DatasetDefinition, FieldDefinition, NormalisedRow } from './datasetDefinition.js';
import { columnOf } from './datasetDefinition.js';
import { cellText, isEmptyCell, parseField, type ParseContext } from './fieldKinds.js';
import type { HeaderMatch } from './headerMatching.js';
import type { Cell } from './readers/tableReader.js';
import { Rejection } from './rejection.js';
import { RowHasher } from './rowHash.js';

/** One reason a row was quarantined: the column, the value as given, and why. */
export interface QuarantineProblem {
  /** Template key of the field, or null for a problem of the whole row. */
  field: string | null;
  /** The header as it appears in the file. */
  header: string | null;
  value: string;
  code: string;
  zh: string;
  en: string;
}

/** A quality warning on an accepted row (e.g. sex differs from the ID number). */
export interface QualityNote {
  code: string;
  field: string;
  zh: string;
  en: string;
}

export type RowOutcome =
  | {
      accepted: true;
      row: NormalisedRow;
      /** JSON of the extra columns' non-empty values, or null. */
      extra: string | null;
      notes: QualityNote[];
      nk: string;
      /** rowHash of the values (hashText gives the stored form). */
      hash: number;
      /** How many of the template's fields have a value. */
      filled: number;
    }
  | { accepted: false; problems: QuarantineProblem[]; raw: Record<string, string> };

export interface RowValidatorOptions extends ParseContext {
  /** The department of the batch: part of some natural keys. */
  source: string;
}

const keySeparator = '\u001f';
const noNotes: QualityNote[] = [];

export const formulaNoteCode = 'text.formula';

/**
 * A name, address, phone or other free text that a spreadsheet would run as a formula: kept
 * (the text may be a clerk's slip) but flagged, so the batch's consistency score drops and
 * a reviewer sees it. The value itself stays out of the note (it may be an account number).
 */
function formulaNote(field: string, header: string): QualityNote {
  return {
    code: formulaNoteCode,
    field,
    zh: `“${header}”以 =、+、-、@ 等符号开头，电子表格会把它当作公式执行，请核实原始数据`,
    en: `${field} starts like a spreadsheet formula (=, +, -, @)`,
  };
}

/**
 * Builds the function that turns one row of cells into a normalised row or a list of
 * problems, for a file whose header matched `match`. Everything per column is decided once
 * here, not per row: this runs a million times for a large file.
 */
export function rowValidator(
  definition: DatasetDefinition,
  match: HeaderMatch,
  headers: readonly string[],
  options: RowValidatorOptions,
): (cells: readonly Cell[]) => RowOutcome {
  const present = match.columns
    .map((field, index) =>
      field
        ? {
            field,
            index,
            column: columnOf(field),
            header: headers[index] ?? field.header,
            freeText: field.type.kind === 'name' || field.type.kind === 'text',
          }
        : null,
    )
    .filter(
      (
        c,
      ): c is {
        field: FieldDefinition;
        index: number;
        column: string;
        header: string;
        freeText: boolean;
      } => c !== null,
    );
  const extras = match.extras;
  const fieldCount = definition.fields.length;
  const context: ParseContext = { today: options.today };
  const allColumns = definition.fields.map(columnOf);
  const hasher = new RowHasher();
  const keyColumns = definition.naturalKey;

  const rawOf = (cells: readonly Cell[]): Record<string, string> => {
    const raw: Record<string, string> = {};
    headers.forEach((header, index) => {
      if (header !== '') raw[header] = cellText(cells[index] ?? null);
    });
    return raw;
  };

  // Every row object gets the same shape, in the same order, so property access stays fast.
  // The derived columns are in it from the start: adding them later (in `complete`) would
  // change every row's shape three times, which costs much of the import's time.
  const blank: NormalisedRow = {};
  for (const column of [...allColumns, ...(definition.derivedColumns ?? [])]) blank[column] = null;

  return (cells) => {
    const row: NormalisedRow = { ...blank };
    let problems: QuarantineProblem[] | null = null;
    let formulas: QualityNote[] | null = null;
    let filled = 0;
    for (const { field, index, column, header, freeText } of present) {
      const cell = cells[index] ?? null;
      if (isEmptyCell(cell)) {
        if (field.required) {
          (problems ??= []).push({
            field: field.key,
            header,
            value: '',
            code: 'required',
            zh: `必填项“${field.header}”为空`,
            en: `required field ${field.key} is empty`,
          });
        }
        continue;
      }
      const result = parseField(field.type, cell, context);
      if (result instanceof Rejection) {
        (problems ??= []).push({
          field: field.key,
          header,
          value: cellText(cell),
          code: result.code,
          zh: result.zh,
          en: result.en,
        });
      } else {
        row[column] = result;
        if (result !== null && result !== '') filled += 1;
        if (freeText && typeof result === 'string' && looksLikeFormula(result))
          (formulas ??= []).push(formulaNote(field.key, header));
      }
    }
    if (problems) return { accepted: false, problems, raw: rawOf(cells) };
    definition.complete?.(row);
    const checked = definition.checkRow?.(row, context);
    if (checked && checked.rejections.length > 0) {
      return {
        accepted: false,
        problems: checked.rejections.map(({ field, reason }) => {
          const def = definition.fields.find((f) => f.key === field);
          const column = present.find((p) => p.field.key === field);
          return {
            field,
            header: column?.header ?? def?.header ?? field,
            value: column ? cellText(cells[column.index] ?? null) : '',
            code: reason.code,
            zh: reason.zh,
            en: reason.en,
          };
        }),
        raw: rawOf(cells),
      };
    }
    let extra: string | null = null;
    if (extras.length > 0) {
      const values: Record<string, string> = {};
      let filled = false;
      for (const { index, header } of extras) {
        const cell = cells[index] ?? null;
        if (!isEmptyCell(cell)) {
          values[header] = cellText(cell);
          filled = true;
        }
      }
      if (filled) extra = JSON.stringify(values);
    }
    let nk = '';
    for (let i = 0; i < keyColumns.length; i += 1) {
      const column = keyColumns[i]!;
      if (i > 0) nk += keySeparator;
      nk += column === 'source' ? options.source : String(row[column] ?? '');
    }
    hasher.reset();
    for (const column of allColumns) {
      const value = row[column];
      if (typeof value === 'string') hasher.add(value);
      else if (typeof value === 'number') hasher.add(String(value));
      hasher.separate();
    }
    if (extra) hasher.add(extra);
    const notes = formulas
      ? [...(checked ? checked.warnings : []), ...formulas]
      : checked
        ? checked.warnings
        : noNotes;
    return {
      accepted: true,
      row,
      extra,
      notes,
      nk,
      hash: hasher.value(),
      filled: Math.min(filled, fieldCount),
    };
  };
}
