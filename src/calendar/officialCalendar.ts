import crypto from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * China's official holidays and make-up working days (调休上班) as the State Council announces
 * them each year, from the package chinese-days.
 */
export interface OfficialCalendar {
  /** Days off by the State Council's notice, weekends inside a holiday included. */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days (调休上班). */
  workdays: ReadonlySet<string>;
  /** The years the data covers; outside them every year is Monday to Friday. */
  firstYear: number;
  lastYear: number;
  /** The package's version, for the record. */
  version: string;
  /** A digest of the holidays and working days: it changes exactly when the calendar does. */
  digest: string;
}

const require = createRequire(import.meta.url);

function dateKeys(value: unknown, what: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`chinese-days: ${what} is not a table of dates`);
  const keys = Object.keys(value);
  for (const key of keys)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key))
      throw new Error(`chinese-days: ${what} holds ${key}, not a date`);
  return keys.sort();
}

/**
 * Reads the package's published JSON rather than calling isWorkday(): its functions parse a
 * date at UTC midnight but read it back in local time, so west of Greenwich they answer for
 * the day before.
 */
export function loadOfficialCalendar(): OfficialCalendar {
  const data: unknown = require('chinese-days/dist/chinese-days.json');
  const meta: unknown = require('chinese-days/package.json');
  if (typeof data !== 'object' || data === null) throw new Error('chinese-days: no data');
  const holidays = dateKeys((data as Record<string, unknown>).holidays, 'holidays');
  const workdays = dateKeys((data as Record<string, unknown>).workdays, 'workdays');
  const years = [...holidays, ...workdays].map((day) => Number(day.slice(0, 4)));
  if (years.length === 0) throw new Error('chinese-days: no holidays');
  const version =
    typeof meta === 'object' &&
    meta !== null &&
    'version' in meta &&
    typeof meta.version === 'string'
      ? meta.version
      : 'unknown';
  return {
    holidays: new Set(holidays),
    workdays: new Set(workdays),
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    version,
    digest: crypto
      .createHash('sha256')
      .update(JSON.stringify([holidays, workdays]))
      .digest('hex')
      .slice(0, 32),
  };
}

export const officialCalendar: OfficialCalendar = loadOfficialCalendar();
