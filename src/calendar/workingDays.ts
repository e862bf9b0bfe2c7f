import { addDays } from '../core/dates.js';
import { officialCalendar, type OfficialCalendar } from './officialCalendar.js';

/**
 * Working days of the whole product (deadlines, R14's calendar table, the demo county). Dates
 * are ISO strings (YYYY-MM-DD).
 */

/** A county's own days: true for a make-up working day, false for a holiday. */
export type CalendarOverrides = ReadonlyMap<string, boolean>;

const noOverrides: CalendarOverrides = new Map();

/**
 * A county's override wins; then the State Council's holidays and make-up working days; in the
 * years the official data does not cover (see officialCalendar) Monday to Friday.
 */
export function isWorkingDay(
  date: string,
  overrides: CalendarOverrides = noOverrides,
  official: OfficialCalendar = officialCalendar,
): boolean {
  const override = overrides.get(date);
  if (override !== undefined) return override;
  if (official.workdays.has(date)) return true;
  if (official.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Working days after `start` up to and including `end` (so the day of receipt does not
 * count, as in administrative time limits).
 */
export function workingDaysBetween(
  start: string,
  end: string,
  overrides: CalendarOverrides = noOverrides,
): number {
  if (end <= start) return 0;
  let count = 0;
  for (let day = addDays(start, 1); day <= end; day = addDays(day, 1))
    if (isWorkingDay(day, overrides)) count += 1;
  return count;
}

/** The `count`-th working day after `date` (the day of receipt does not count). */
export function addWorkingDays(
  date: string,
  count: number,
  overrides: CalendarOverrides = noOverrides,
): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, overrides)) left -= 1;
  }
  return day;
}

/** The first working day on or after `date`. */
export function workingDayFrom(date: string, overrides: CalendarOverrides = noOverrides): string {
  let day = date;
  while (!isWorkingDay(day, overrides)) day = addDays(day, 1);
  return day;
}
