import { JianduError } from '../core/errors.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { cellText } from './fieldKinds.js';
import { findHeaderRow, type HeaderMatch } from './headerMatching.js';
import { expectedHeaders } from './importErrors.js';
import type { Cell } from './readers/tableReader.js';

/** How many rows the header may sit below the top of the file (title lines above it). */
export const headerSearchRows = 20;

/** Columns a quarantine export adds, which a re-imported fix file carries back. */
export const originalRowHeaders = ['原行号', 'source_row'];
export const reasonHeaders = ['问题原因', 'reason'];

export interface TableHeader {
  /** Index of the header among the rows searched. */
  position: number;
  match: HeaderMatch;
  headers: string[];
  /** Column with the original row numbers of a fix file, or -1. */
  originalRowColumn: number;
}

/**
 * Finds the template's header among the first rows, or fails the whole file: a file
 * whose header is not there, or lacks a required column, cannot be imported at all.
 */
export function tableHeader(
  definition: DatasetDefinition,
  head: readonly (readonly Cell[])[],
  fileLabel: string,
  mapping: Readonly<Record<string, string>> = {},
): TableHeader {
  const found = findHeaderRow(definition, head, mapping);
  if (!found) {
    throw new JianduError('HEADER_NOT_FOUND', {
      file: fileLabel,
      rows: headerSearchRows,
      dataset: definition.name,
      expected: expectedHeaders(definition),
    });
  }
  if (found.match.missingRequired.length > 0) {
    throw new JianduError('HEADER_INCOMPLETE', {
      file: fileLabel,
      missing: {
        zh: found.match.missingRequired.map((f) => f.header).join('、'),
        en: found.match.missingRequired.map((f) => f.key).join(', '),
      },
    });
  }
  const headers = head[found.position]!.map((c) => cellText(c).trim());
  const isOriginal = (h: string): boolean => originalRowHeaders.includes(h.trim());
  return {
    position: found.position,
    // The columns a quarantine export added are not extra attributes of the record.
    match: {
      ...found.match,
      extras: found.match.extras.filter(
        (e) => !isOriginal(e.header) && !reasonHeaders.includes(e.header.trim()),
      ),
    },
    headers,
    originalRowColumn: headers.findIndex(isOriginal),
  };
}
