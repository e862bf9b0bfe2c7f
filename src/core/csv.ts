/**
 * CSV as Jiandu writes it, and the one rule against spreadsheet formula injection.
 *
 * A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`, `-` or `@` (and,
 * in some programs, a tab or a carriage return) as a formula: `=HYPERLINK(…)` or
 * `=cmd|' /C calc'!A0` in a name or an address attacks whoever opens an export. OWASP's
 * rule is to put an apostrophe before such a cell, which makes it text. A cell that is a
 * plain decimal number (`-12.50`) is the exception: a spreadsheet reads it as a number,
 * never as a formula, and an amount must stay a number for a clerk who sums a column.
 */

/** Starts like a formula, after any apostrophes (so that a leading apostrophe round-trips). */
const formulaStart = /^'*[=+\-@\t\r]/;
const plainNumber = /^-?\d+(?:\.\d+)?$/;

/** Whether a cell needs the apostrophe: it starts like a formula and is not a plain number. */
function needsGuard(value: string): boolean {
  return formulaStart.test(value) && !plainNumber.test(value);
}

/** The value as a spreadsheet must see it: `=SUM(1)` → `'=SUM(1)`; `-12.50` stays. */
export function guardFormula(value: string): string {
  return needsGuard(value) ? `'${value}` : value;
}

/**
 * The inverse of guardFormula, for files coming back (a clerk's fixed quarantine export):
 * removes the apostrophe only where guardFormula put one, so `'abc` or `'-12.50` stay as
 * they are and every value Jiandu wrote comes back exactly.
 */
export function unguardFormula(value: string): string {
  return value.charCodeAt(0) === 0x27 && needsGuard(value.slice(1)) ? value.slice(1) : value;
}

/** One CSV field: guarded, and quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  const text = guardFormula(value === null ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line break). */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvCell).join(',');
}

/** A whole CSV file: UTF-8 with a byte order mark (so Excel reads Chinese), CRLF lines. */
export function csvDocument(lines: readonly (readonly (string | number | null)[])[]): string {
  return `\ufeff${lines.map(csvLine).join('\r\n')}\r\n`;
}

/**
 * Whether text kept as typed (a name, an address, a phone number) would run as a formula in
 * a spreadsheet: the importers flag such values as a quality problem. Unlike guardFormula
 * this ignores a value of digits, spaces and `( ) . -` after a leading `+` or `-`: a phone
 * number like `+86 138 0000 0000` or a lone `-` for "none" is not suspicious in itself.
 */
export function looksLikeFormula(value: string): boolean {
  if (!/^[=+\-@\t\r]/.test(value)) return false;
  return !/^[+-][\d\s().-]*$/.test(value);
}
