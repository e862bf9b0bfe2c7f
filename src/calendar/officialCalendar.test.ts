import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.js';
import { officialCalendar } from './officialCalendar.js';
import { isWorkingDay } from './workingDays.js';

/** The days from `first` to `last`, both included. */
function span(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The State Council's notices on the holidays of 2024, 2025 and 2026 (国务院办公厅关于某年部分
 * 节假日安排的通知): days off and make-up working days.
 */
const notices: Record<number, { off: string[]; worked: string[] }> = {
  2024: {
    off: [
      '2024-01-01', // 元旦
      ...span('2024-02-10', '2024-02-17'), // 春节
      ...span('2024-04-04', '2024-04-06'), // 清明
      ...span('2024-05-01', '2024-05-05'), // 劳动节
      '2024-06-10', // 端午
      ...span('2024-09-15', '2024-09-17'), // 中秋
      ...span('2024-10-01', '2024-10-07'), // 国庆
    ],
    worked: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    off: [
      '2025-01-01', // 元旦
      ...span('2025-01-28', '2025-02-04'), // 春节
      ...span('2025-04-04', '2025-04-06'), // 清明
      ...span('2025-05-01', '2025-05-05'), // 劳动节
      ...span('2025-05-31', '2025-06-02'), // 端午
      ...span('2025-10-01', '2025-10-08'), // 国庆、中秋
    ],
    worked: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午
      ...span('2026-09-25', '2026-09-27'), // 中秋
      ...span('2026-10-01', '2026-10-07'), // 国庆
    ],
    worked: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const inYear = (days: ReadonlySet<string>, year: number): string[] =>
  [...days].filter((day) => day.startsWith(`${year}-`)).sort();

describe('the official calendar (chinese-days)', () => {
  it.each([2024, 2025, 2026])(
    'holds the State Council’s notice for %i, no more, no less',
    (year) => {
      const notice = notices[year]!;
      expect(inYear(officialCalendar.holidays, year)).toEqual([...notice.off].sort());
      expect(inYear(officialCalendar.workdays, year)).toEqual([...notice.worked].sort());
    },
  );

  it('puts make-up working days on Saturdays and Sundays only', () => {
    for (const day of officialCalendar.workdays)
      expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
  });

  it('covers 2004 to 2026 at least, and says which package it came from', () => {
    expect(officialCalendar.firstYear).toBe(2004);
    expect(officialCalendar.lastYear).toBeGreaterThanOrEqual(2026);
    expect(officialCalendar.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(officialCalendar.digest).toMatch(/^[0-9a-f]{32}$/);
  });

  // The package's own functions read dates in local time: they agree only east of Greenwich.
  it.skipIf(new Date().getTimezoneOffset() > 0)(
    'agrees with the package’s isWorkday on every day it covers',
    () => {
      const first = `${officialCalendar.firstYear}-01-01`;
      const last = `${officialCalendar.lastYear}-12-31`;
      const differing = span(first, last).filter(
        (day) => isWorkingDay(day) !== chineseDays.isWorkday(day),
      );
      expect(differing).toEqual([]);
      expect(chineseDays.getDayDetail('2025-10-11')).toMatchObject({ work: true });
      expect(chineseDays.isInLieu('2025-10-08')).toBe(true);
    },
  );
});
