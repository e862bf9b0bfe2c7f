import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { JianduError } from '../../core/errors.js';
import type { Cell, RawRow } from './tableReader.js';
import { xlsxCellValue } from './xlsxCellValue.js';

/** The parts of exceljs's streaming reader that its type declarations leave out. */
interface WorkbookInternals {
  model?: { sheets?: readonly { name?: string; rId?: string; state?: string }[] };
  workbookRels?: readonly { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
  styles?: { index?: { numFmt?: Record<number, string | undefined> } };
  sharedStrings?: unknown;
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

/** Excel's last row. */
export const maxRows = 1_048_576;
/**
 * The widest table read: far more than any template has columns. Each row is read into an
 * array as wide as its last cell, so a few bytes of XML naming a far-right cell would cost
 * thousands of empty cells, in every row of a batch: such a file is refused, naming the cell.
 */
export const maxColumns = 1000;

/** A batch of wide rows is cut short, so that it never holds more cells than this per row. */
const cellsPerRow = 40;

function tooBig(label: string, detail: { zh: string; en: string }): JianduError {
  return new JianduError('FILE_UNREADABLE', { path: label, detail });
}

function rowCells(row: ExcelJS.Row, date1904: boolean, label: string): Cell[] | undefined {
  const cells: Cell[] = [];
  row.eachCell((cell, column) => {
    const value = xlsxCellValue(cell.value, cell.numFmt, date1904);
    if (value === null) return;
    if (column > maxColumns) {
      throw tooBig(label, {
        zh: `第 ${row.number} 行的 ${cell.address} 格有内容，表格超过 ${maxColumns} 列，这不像是模板表格；请删去多余的列再导入`,
        en: `cell ${cell.address} in row ${row.number} has a value: the table is wider than ${maxColumns} columns`,
      });
    }
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
export interface XlsxOptions {
  /** The file's name in error messages. */
  label: string;
  /** False when the shared strings part given to exceljs was made up (see planWorkbook). */
  hasSharedStrings: boolean;
  /**
   * Told when the bytes under `input` fail (a bomb found out, a read error): exceljs never
   * hears of it and would wait for the rest of an entry for ever.
   */
  failure?: InputFailure;
}

/**
 * A failure of a reader's input, which ends whatever the reader is waiting for. Only one
 * wait at a time is held (Promise.race against a promise that never settles would keep
 * every row it was raced with).
 */
export class InputFailure {
  private failed: Error | undefined;
  private waiting: ((error: Error) => void) | undefined;

  fail(error: unknown): void {
    this.failed ??= error instanceof Error ? error : new Error(String(error));
    this.waiting?.(this.failed);
  }

  /** `promise`, unless the input fails first. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      this.waiting = reject;
      // The next wait may begin before this one's callbacks have run: clear only our own.
      const done = (): void => {
        if (this.waiting === reject) this.waiting = undefined;
      };
      void promise.then(done, done);
      void promise.then(resolve, reject);
    });
  }
}

export async function* xlsxRows(
  input: Readable,
  batchSize: number,
  options: XlsxOptions,
): AsyncGenerator<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const workbook = reader as unknown as WorkbookInternals;
  // Iterated by hand, not with for await, so that an early stop can still finish it.
  const sheets = reader[Symbol.asyncIterator]();
  const failure = options.failure ?? new InputFailure();
  const nextSheet = (): Promise<IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>> =>
    failure.race(sheets.next());
  let found = false;
  let spooled = false;
  let finished = false;
  try {
    let rows: RawRow[] = [];
    for (let next = await nextSheet(); !next.done; next = await nextSheet()) {
      const worksheet = next.value;
      const sheet = worksheet as unknown as WorksheetInternals;
      if (found || !isFirstSheet(workbook, sheet.name)) {
        closeUnread(sheet);
        continue;
      }
      found = true;
      spooled = sheet.iterator instanceof Readable;
      addChineseDateFormats(workbook);
      // Without shared strings, a cell that points to one must fail as it would have.
      if (!options.hasSharedStrings) delete workbook.sharedStrings;
      const date1904 = workbook.properties?.model?.date1904 === true;
      let count = 0;
      let cellsHeld = 0;
      const sheetRows = worksheet[Symbol.asyncIterator]();
      for (;;) {
        const step = await failure.race(sheetRows.next());
        if (step.done) break;
        const row = step.value;
        count += 1;
        if (count > maxRows || row.number > maxRows) {
          throw tooBig(options.label, {
            zh: `工作表超过 Excel 的最大行数（${maxRows} 行），这不是 Excel 保存的表格`,
            en: `the sheet has more than Excel's ${maxRows} rows`,
          });
        }
        const cells = rowCells(row, date1904, options.label);
        if (cells) {
          rows.push({ rowNumber: row.number, cells });
          cellsHeld += cells.length;
        }
        if (rows.length >= batchSize || cellsHeld >= batchSize * cellsPerRow) {
          yield rows;
          rows = [];
          cellsHeld = 0;
        }
      }
    }
    finished = true;
    if (!found) throw new NoWorksheetError();
    if (rows.length > 0) yield rows;
  } finally {
    if (!finished && spooled) await releaseSpooledSheets(nextSheet);
  }
}

/**
 * After an early stop (the caller gave up, or the sheet was bad): exceljs deletes a sheet
 * it spooled to a temporary file only when asked for the next sheet, so ask until there
 * are none, without reading them. By then the whole zip has been read, so this is quick;
 * otherwise the files would stay in the temporary folder until the process exits.
 */
async function releaseSpooledSheets(
  nextSheet: () => Promise<IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>>,
): Promise<void> {
  try {
    for (let next = await nextSheet(); !next.done; next = await nextSheet()) {
      closeUnread(next.value as unknown as WorksheetInternals);
    }
  } catch {
    // Cleaning up after a failure must not replace it.
  }
}
