import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, RawRow } from './tableReader.js';
import { xlsxCellValue } from './xlsxCellValue.js';

/** The parts of exceljs's streaming reader that its type declarations leave out. */
interface WorkbookInternals {
  model?: { sheets?: readonly { name?: string; rId?: string; state?: string }[] };
  workbookRels?: readonly { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
  styles?: { index?: { numFmt?: Record<number, string | undefined> } };
}
interface WorksheetInternals {
  name?: string;
  iterator?: unknown;
}

/**
 * Excel's built-in date formats for Chinese locales. Excel writes only the id (below 164)
 * into the file, never the format itself, and exceljs resolves only the ids whose format
 * is the same in every locale, so without these a date typed as 2024年3月5日 would arrive
 * as a bare number.
 */
const chineseDateFormats: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

function addChineseDateFormats(workbook: WorkbookInternals): void {
  const formats = workbook.styles?.index?.numFmt;
  if (typeof formats !== 'object') return;
  for (const [id, format] of Object.entries(chineseDateFormats)) {
    formats[Number(id)] ??= format;
  }
}

/**
 * The name of the sheet a clerk sees first: the first visible worksheet in tab order
 * (hidden sheets often hold the lists behind drop-downs; chart sheets have no cells).
 * Undefined when the workbook part has not been read yet.
 */
function firstSheetName(workbook: WorkbookInternals): string | undefined {
  const sheets = workbook.model?.sheets;
  const rels = workbook.workbookRels;
  if (!sheets || !rels) return undefined;
  const worksheets = sheets.filter((sheet) => {
    const target = rels.find((rel) => rel.Id === sheet.rId)?.Target ?? '';
    return /(^|\/)worksheets\/sheet\d+\.xml$/.test(target);
  });
  const visible = worksheets.find(
    (sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden',
  );
  return (visible ?? worksheets[0])?.name;
}

function isFirstSheet(workbook: WorkbookInternals, name: string | undefined): boolean {
  const target = firstSheetName(workbook);
  if (target === undefined) return true;
  // exceljs names a sheet it cannot match to the workbook part "SheetN"; such a sheet
  // cannot be placed in tab order, so the first one read is taken.
  const known = workbook.model?.sheets?.some((sheet) => sheet.name === name) ?? false;
  return name === target || !known;
}

/**
 * A skipped sheet that exceljs spooled to a temporary file comes with a read stream of
 * that file, still opening when exceljs deletes the file: close it, and swallow the
 * ENOENT that would otherwise crash the process as an unhandled 'error' event.
 */
function closeUnread(sheet: WorksheetInternals): void {
  if (!(sheet.iterator instanceof Readable)) return;
  sheet.iterator.on('error', () => undefined);
  sheet.iterator.destroy();
}

function rowCells(row: ExcelJS.Row, date1904: boolean): Cell[] | undefined {
  const cells: Cell[] = [];
  row.eachCell((cell, column) => {
    const value = xlsxCellValue(cell.value, cell.numFmt, date1904);
    if (value === null) return;
    while (cells.length < column - 1) cells.push(null);
    cells.push(value);
  });
  return cells.length === 0 ? undefined : cells;
}

class NoWorksheetError extends Error {
  constructor() {
    super('the workbook has no worksheet');
    this.name = 'NoWorksheetError';
  }
}

/**
 * Rows of the first worksheet of an XLSX workbook, in batches of `batchSize`, with
 * exceljs's streaming reader. The other sheets are not parsed, but the zip is read to its
 * end so that whoever hashes `input` sees every byte. Rows without any value (formatted
 * but empty) are skipped; a row ends at its last non-empty cell, and empty cells before
 * that are null, so every value keeps its column.
 */
export async function* xlsxRows(input: Readable, batchSize: number): AsyncGenerator<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const workbook = reader as unknown as WorkbookInternals;
  // Iterated by hand, not with for await, so that an early stop can still finish it.
  const sheets = reader[Symbol.asyncIterator]();
  let found = false;
  let spooled = false;
  let finished = false;
  try {
    let rows: RawRow[] = [];
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      const worksheet = next.value;
      const sheet = worksheet as unknown as WorksheetInternals;
      if (found || !isFirstSheet(workbook, sheet.name)) {
        closeUnread(sheet);
        continue;
      }
      found = true;
      spooled = sheet.iterator instanceof Readable;
      addChineseDateFormats(workbook);
      const date1904 = workbook.properties?.model?.date1904 === true;
      for await (const row of worksheet) {
        const cells = rowCells(row, date1904);
        if (cells) rows.push({ rowNumber: row.number, cells });
        if (rows.length >= batchSize) {
          yield rows;
          rows = [];
        }
      }
    }
    finished = true;
    if (!found) throw new NoWorksheetError();
    if (rows.length > 0) yield rows;
  } finally {
    if (!finished && spooled) await releaseSpooledSheets(sheets);
  }
}

/**
 * After an early stop (the caller gave up, or the sheet was bad): exceljs deletes a sheet
 * it spooled to a temporary file only when asked for the next sheet, so ask until there
 * are none, without reading them. By then the whole zip has been read, so this is quick;
 * otherwise the files would stay in the temporary folder until the process exits.
 */
async function releaseSpooledSheets(
  sheets: AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader>,
): Promise<void> {
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      closeUnread(next.value as unknown as WorksheetInternals);
    }
  } catch {
    // Cleaning up after a failure must not replace it.
  }
}
