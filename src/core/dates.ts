import { foldFullWidth, trimAll } from './text.js';

/** Dates are ISO strings (YYYY-MM-DD), months are YYYY-MM. No locale text, no time zones. */

function digitsAt(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function isValidIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return monthDays[month - 1] ?? 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Today in China Standard Time (UTC+8), which is what a county office means by "today". */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export type DateRejection = 'format' | 'impossible' | 'future';
export type DateParse = { ok: true; value: string } | { ok: false; reason: DateRejection };

export const dateRejectionText: Record<DateRejection, { zh: string; en: string }> = {
  format: {
    zh: '日期格式无法识别（可用 2024-03-05、2024/3/5、2024.3.5、20240305、2024年3月5日）',
    en: 'unrecognised date format',
  },
  impossible: { zh: '日期不存在', en: 'impossible date' },
  future: { zh: '日期晚于今天', en: 'date in the future' },
};

/** Excel's 1900 date system: serial 1 is 1900-01-01, with Lotus's phantom 1900-02-29 (60). */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const days = whole < 60 ? whole + 1 : whole;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * Parses the date forms of docs/reference/datasets.md. `historical` dates (births, deaths,
 * payments) may not lie after `today`. A time of day after the date (from database exports)
 * is ignored.
 */
export function parseDate(
  raw: string | number,
  options: { historical?: boolean; today?: string } = {},
): DateParse {
  let value: string | null;
  if (typeof raw === 'number') {
    value = excelSerialToIsoDate(raw);
    if (value === null) return { ok: false, reason: 'format' };
  } else if (raw.length === 10 && isValidIsoDate(raw)) {
    // Already in the stored form: keep the string as it is (this runs a million times).
    value = raw;
  } else {
    const text = trimAll(foldFullWidth(raw)).replace(
      /[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
      '',
    );
    const match =
      /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
      /^(\d{4})(\d{2})(\d{2})$/.exec(text) ??
      /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text);
    if (!match) return { ok: false, reason: 'format' };
    value = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if (!isValidIsoDate(value) || value < '1890-01-01') return { ok: false, reason: 'impossible' };
  if (options.historical && value > (options.today ?? todayInChina())) {
    return { ok: false, reason: 'future' };
  }
  return { ok: true, value };
}

export type MonthParse =
  { ok: true; value: string } | { ok: false; reason: 'format' | 'impossible' };

/** Parses `2024-03`, `2024/3`, `2024.3`, `202403`, `2024年3月` into `YYYY-MM`. */
export function parseMonth(raw: string): MonthParse {
  if (raw.length === 7 && raw.charCodeAt(4) === 45) {
    const year = digitsAt(raw, 0, 4);
    const month = digitsAt(raw, 5, 2);
    if (year >= 1900 && month >= 1 && month <= 12) return { ok: true, value: raw };
  }
  const text = trimAll(foldFullWidth(raw));
  const match =
    /^(\d{4})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})(\d{2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月?$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900) return { ok: false, reason: 'impossible' };
  return { ok: true, value: `${year}-${pad2(month)}` };
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${pad2(daysInMonth(year, m))}`;
}

export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

/** Adds `days` calendar days to an ISO date. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
