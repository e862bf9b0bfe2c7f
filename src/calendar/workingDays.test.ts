import { describe, expect, it } from 'vitest';
import type { OfficialCalendar } from './officialCalendar.js';
import { addWorkingDays, isWorkingDay, workingDayFrom, workingDaysBetween } from './workingDays.js';

describe('isWorkingDay', () => {
  it('follows the State Council across the 2025 National Day holiday', () => {
    expect(isWorkingDay('2025-09-26')).toBe(true); // Friday
    expect(isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up working day
    expect(isWorkingDay('2025-10-01')).toBe(false); // Wednesday, National Day
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday, last day off
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up working day
    expect(isWorkingDay('2025-10-12')).toBe(false); // Sunday
  });

  it('is Monday to Friday in the years the official data does not cover', () => {
    expect(isWorkingDay('2003-10-01')).toBe(true); // Wednesday
    expect(isWorkingDay('2060-10-01')).toBe(true); // Friday
    expect(isWorkingDay('2060-10-02')).toBe(false); // Saturday
  });

  it('lets a county’s override win both ways', () => {
    const overrides = new Map([
      ['2025-10-09', false],
      ['2025-10-04', true],
    ]);
    expect(isWorkingDay('2025-10-09', overrides)).toBe(false);
    expect(isWorkingDay('2025-10-04', overrides)).toBe(true);
    expect(isWorkingDay('2025-10-10', overrides)).toBe(true);
  });

  it('reads the official calendar it is given', () => {
    const official: OfficialCalendar = {
      holidays: new Set(['2030-01-02']),
      workdays: new Set(['2030-01-05']),
      firstYear: 2030,
      lastYear: 2030,
      version: 'test',
      digest: 'test',
    };
    expect(isWorkingDay('2030-01-02', undefined, official)).toBe(false); // Wednesday
    expect(isWorkingDay('2030-01-05', undefined, official)).toBe(true); // Saturday
    expect(isWorkingDay('2025-10-01', undefined, official)).toBe(true); // not in this data
  });
});

describe('workingDaysBetween', () => {
  it('counts Monday to Friday after the start day, with a holiday calendar', () => {
    // 2024-03-01 is a Friday.
    expect(workingDaysBetween('2024-03-01', '2024-03-08')).toBe(5);
    expect(workingDaysBetween('2024-03-01', '2024-03-01')).toBe(0);
    const calendar = new Map([
      ['2024-03-04', false],
      ['2024-03-09', true],
    ]);
    expect(workingDaysBetween('2024-03-01', '2024-03-09', calendar)).toBe(5);
  });

  it('skips official holidays and counts make-up working days', () => {
    // Monday to Friday would say 8.
    expect(workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2);
    // 09-28 (Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (Saturday).
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    // 2025 Spring Festival: 01-26, 01-27, 02-05, 02-06, 02-07 and 02-08 (Saturday).
    expect(workingDaysBetween('2025-01-24', '2025-02-08')).toBe(6);
    expect(workingDaysBetween('2025-10-10', '2025-10-01')).toBe(0);
  });
});

describe('addWorkingDays and workingDayFrom', () => {
  it('step over holidays onto make-up working days', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-10', 0)).toBe('2025-10-10');
    expect(workingDayFrom('2025-10-01')).toBe('2025-10-09');
    expect(workingDayFrom('2025-09-27')).toBe('2025-09-28');
    expect(workingDayFrom('2025-10-09')).toBe('2025-10-09');
  });

  it('agree with workingDaysBetween', () => {
    for (const start of ['2024-02-08', '2025-09-25', '2026-02-13', '2026-09-30'])
      for (let count = 1; count <= 15; count += 1)
        expect(workingDaysBetween(start, addWorkingDays(start, count))).toBe(count);
  });

  it('take a county’s overrides', () => {
    const overrides = new Map([['2025-10-09', false]]);
    expect(addWorkingDays('2025-09-30', 1, overrides)).toBe('2025-10-10');
    expect(workingDayFrom('2025-10-01', overrides)).toBe('2025-10-10');
    expect(workingDaysBetween('2025-09-30', '2025-10-10', overrides)).toBe(1);
  });
});
