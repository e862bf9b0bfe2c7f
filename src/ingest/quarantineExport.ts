import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvDocument } from '../core/csv.js';
import type { QuarantinedRow } from './quarantineRepository.js';

export const originalRowHeader = '原行号';
export const reasonHeader = '问题原因';

/** A problem as one line of text: “身份证号「4.31226E+17」：身份证号被 Excel 转成了科学计数法…”. */
export function problemText(row: QuarantinedRow): string {
  return row.problems
    .map((p) => (p.header ? `${p.header}「${p.value}」：${p.zh}` : p.zh))
    .join('；');
}

/**
 * The quarantined rows in the shape they came in (the file's own headers), with the
 * original row number and the reason added: a clerk fixes the cells, deletes nothing, and
 * imports the file again with `--fixes`.
 */
export function fixTable(rows: readonly QuarantinedRow[]): {
  headers: string[];
  lines: string[][];
} {
  const headers: string[] = [];
  for (const row of rows)
    for (const header of Object.keys(row.raw)) if (!headers.includes(header)) headers.push(header);
  const columns = headers.filter((h) => h !== originalRowHeader && h !== reasonHeader);
  return {
    headers: [...columns, originalRowHeader, reasonHeader],
    lines: rows.map((row) => [
      ...columns.map((h) => row.raw[h] ?? ''),
      String(row.rowNumber),
      problemText(row),
    ]),
  };
}

/** UTF-8 with BOM, so Excel opens the Chinese text correctly; formula-like cells guarded. */
export function fixTableCsv(rows: readonly QuarantinedRow[]): string {
  const { headers, lines } = fixTable(rows);
  return csvDocument([headers, ...lines]);
}

export async function writeFixTableXlsx(
  rows: readonly QuarantinedRow[],
  target: Writable | string,
): Promise<void> {
  const { headers, lines } = fixTable(rows);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter(
    typeof target === 'string'
      ? { filename: target, useStyles: true }
      : { stream: target, useStyles: true },
  );
  const sheet = workbook.addWorksheet('隔离行');
  // Text format throughout: ID numbers must not become numbers again, and a cell a clerk
  // edits stays text even when it starts with "=" (exceljs writes strings as strings, never
  // as formulas, so no apostrophe is needed here).
  sheet.columns = headers.map((header) => ({
    header,
    width: Math.max(12, header.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  for (const line of lines) sheet.addRow(line).commit();
  sheet.commit();
  await workbook.commit();
}
