import { isoDate, lastDayOfMonth } from '../core/dates.js';
import type { Random } from './random.js';

/** Date arithmetic of the demo county: ISO dates, no clock (working days: src/calendar). */

const dayMs = 86_400_000;

export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / dayMs;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The twelve periods (`YYYY-MM`) of a year. */
export function periodsOf(year: number): string[] {
  const out: string[] = [];
  for (let month = 1; month <= 12; month += 1)
    out.push(`${year}-${String(month).padStart(2, '0')}`);
  return out;
}

export function period(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function lastDay(periodValue: string): string {
  return lastDayOfMonth(periodValue);
}

/** A uniformly random date from `from` to `to`, both included. */
export function randomDate(random: Random, from: string, to: string): string {
  return dateOfDayNumber(random.int(dayNumber(from), dayNumber(to)));
}

/** A birth date with the day kept from 1 to 28 (no 29 February, so ages stay plain). */
export function birthDate(random: Random, year: number, month?: number): string {
  return isoDate(year, month ?? random.int(1, 12), random.int(1, 28));
}

/** The same calendar day `years` later (28 February for 29 February). */
export function shiftYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}
