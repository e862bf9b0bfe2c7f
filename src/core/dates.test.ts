import { describe, expect, it } from 'vitest';
import {
  excelSerialToIsoDate,
  lastDayOfMonth,
  parseDate,
  parseMonth,
  todayInChina,
} from './dates.js';

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    [' ２０２４－０３－０５ ', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
  ])('reads %s', (raw, expected) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: expected });
  });

  it('reads Excel serial numbers', () => {
    expect(parseDate(45356)).toEqual({ ok: true, value: '2024-03-05' });
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
  });

  it('rejects impossible, malformed and future dates', () => {
    expect(parseDate('2023-02-29')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('2024-13-01')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDate('3/5/2024')).toEqual({ ok: false, reason: 'format' });
    expect(parseDate('next week')).toEqual({ ok: false, reason: 'format' });
    expect(parseDate('2030-01-01', { historical: true, today: '2026-11-29' })).toEqual({
      ok: false,
      reason: 'future',
    });
    expect(parseDate('2030-01-01', { today: '2026-11-29' })).toEqual({
      ok: true,
      value: '2030-01-01',
    });
  });
});

describe('parseMonth', () => {
  it.each([
    ['2024-03', '2024-03'],
    ['2024/3', '2024-03'],
    ['202403', '2024-03'],
    ['2024年3月', '2024-03'],
  ])('reads %s', (raw, expected) => {
    expect(parseMonth(raw)).toEqual({ ok: true, value: expected });
  });
  it('rejects month 13 and text', () => {
    expect(parseMonth('2024-13')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseMonth('March')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('month arithmetic', () => {
  it('knows the last day of a month, leap years included', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2023-02')).toBe('2023-02-28');
  });

  it('takes today in China Standard Time', () => {
    expect(todayInChina(new Date('2024-03-04T17:00:00Z'))).toBe('2024-03-05');
  });
});
