import type { CellValue } from 'exceljs';
import type { Cell } from './tableReader.js';

/**
 * Whether an Excel number format shows a date or time: the same rule exceljs applies to
 * plain numeric cells (any of y m d h s once quoted text and [..] sections are removed),
 * which it does not apply to formula results.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day number as a Date whose UTC fields are Excel's wall-clock value. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * 86_400_000));
}

function plain(value: number | string | boolean | Date): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return Number.isNaN(value.getTime()) ? null : value;
}

/**
 * A cell as exceljs's streaming reader gives it → our Cell. Numbers stay numbers and
 * date-formatted numbers arrive as Date (exceljs converts plain cells; formula results are
 * converted here with the cell's format). Rich text becomes its plain text, a formula its
 * cached result, a boolean 'TRUE'/'FALSE' (as Excel shows it), an error (#N/A, #DIV/0!…)
 * or an empty string null. A value of any other kind throws.
 */
export function xlsxCellValue(
  value: CellValue,
  numFmt: string | undefined,
  date1904: boolean,
): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return plain(value);
  if ('richText' in value) {
    const text = value.richText.map((run) => run.text).join('');
    return text === '' ? null : text;
  }
  if ('error' in value) return null;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return null;
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) {
      return excelSerialToDate(result, date1904);
    }
    return plain(result);
  }
  if ('hyperlink' in value) return plain(value.text);
  // Anything else, such as { sharedString: 3 } when the shared strings never arrived, is
  // a workbook we did not understand: fail rather than import an empty cell.
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}
