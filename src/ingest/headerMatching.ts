import { foldFullWidth, removeSpaces } from '../core/text.js';
import type { DatasetDefinition, FieldDefinition } from './datasetDefinition.js';
import { cellText } from './fieldKinds.js';
import type { Cell } from './readers/tableReader.js';

/**
 * Recognising a template's header row: Chinese header or English key, in any order, with
 * spaces, full-width characters, brackets of either width and a trailing `*` (the
 * template's required mark) tolerated. Unknown columns are kept as extra attributes.
 */
export function normaliseHeader(header: string): string {
  return removeSpaces(foldFullWidth(header))
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();
}

export interface HeaderMatch {
  /** For each column of the file, the field it holds, or null for an extra column. */
  columns: (FieldDefinition | null)[];
  /** Headers of the extra columns, by position. */
  extras: { index: number; header: string }[];
  missingRequired: FieldDefinition[];
  /** Fields named by more than one column (the first one is used). */
  repeated: FieldDefinition[];
  recognised: number;
}

/** Lookup table of every accepted spelling of every field of a dataset. */
export function headerIndex(
  definition: DatasetDefinition,
  custom: Readonly<Record<string, string>> = {},
): Map<string, FieldDefinition> {
  const index = new Map<string, FieldDefinition>();
  for (const field of definition.fields) {
    for (const name of [field.header, field.key, ...(field.aliases ?? [])])
      index.set(normaliseHeader(name), field);
  }
  for (const [header, key] of Object.entries(custom)) {
    const field = definition.fields.find((f) => f.key === key);
    if (field) index.set(normaliseHeader(header), field);
  }
  return index;
}

export function matchHeader(
  definition: DatasetDefinition,
  cells: readonly Cell[],
  index = headerIndex(definition),
): HeaderMatch {
  const used = new Set<FieldDefinition>();
  const repeated: FieldDefinition[] = [];
  const extras: HeaderMatch['extras'] = [];
  const columns = cells.map((cell, position) => {
    const header = cellText(cell).trim();
    if (header === '') return null;
    const field = index.get(normaliseHeader(header));
    if (!field) {
      extras.push({ index: position, header });
      return null;
    }
    if (used.has(field)) {
      repeated.push(field);
      extras.push({ index: position, header });
      return null;
    }
    used.add(field);
    return field;
  });
  return {
    columns,
    extras,
    missingRequired: definition.fields.filter((f) => f.required && !used.has(f)),
    repeated,
    recognised: used.size,
  };
}

/**
 * The header is the row, among the first ones, that names the most fields: files often
 * carry a title line (“麻阳县2024年低保发放明细表”) above it.
 */
export function findHeaderRow(
  definition: DatasetDefinition,
  rows: readonly (readonly Cell[])[],
  custom: Readonly<Record<string, string>> = {},
): { position: number; match: HeaderMatch } | null {
  const index = headerIndex(definition, custom);
  let best: { position: number; match: HeaderMatch } | null = null;
  rows.forEach((cells, position) => {
    const match = matchHeader(definition, cells, index);
    if (match.recognised > 0 && (!best || match.recognised > best.match.recognised))
      best = { position, match };
  });
  return best;
}
