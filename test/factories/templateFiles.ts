import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DatasetDefinition } from '../../src/ingest/datasetDefinition.js';

/** A cell as a test writes it: text, or for XLSX a number or a date cell. */
export type TestCell = string | number | Date;

export interface TestTable {
  /** Template keys, in the file's column order. */
  keys: string[];
  rows: Record<string, TestCell>[];
}

/** The template's Chinese headers for the given keys (unknown keys stay as they are). */
export function chineseHeaders(definition: DatasetDefinition, keys: readonly string[]): string[] {
  return keys.map((key) => definition.fields.find((f) => f.key === key)?.header ?? key);
}

function csvCell(value: TestCell): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(
  file: string,
  headers: readonly string[],
  table: TestTable,
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8-bom',
): void {
  const lines = [
    headers.map(csvCell).join(','),
    ...table.rows.map((row) => table.keys.map((k) => csvCell(row[k] ?? '')).join(',')),
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  if (encoding === 'gb18030') fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
  else fs.writeFileSync(file, encoding === 'utf-8-bom' ? `\ufeff${text}` : text);
}

export async function writeXlsx(
  file: string,
  headers: readonly string[],
  table: TestTable,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow([...headers]);
  for (const row of table.rows) {
    const values = table.keys.map((k) => {
      const value = row[k];
      return value === undefined || value === '' ? null : value;
    });
    const added = sheet.addRow(values);
    table.keys.forEach((k, index) => {
      if (row[k] instanceof Date) added.getCell(index + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  await workbook.xlsx.writeFile(file);
}
