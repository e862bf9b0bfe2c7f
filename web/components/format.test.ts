import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime } from './format';

describe('formatDateTime', () => {
  it('shows an ISO time in local time as YYYY-MM-DD HH:mm:ss', () => {
    const local = new Date(2026, 0, 2, 3, 4, 5);
    expect(formatDateTime(local.toISOString())).toBe('2026-01-02 03:04:05');
    const evening = new Date(2026, 10, 29, 23, 59, 59);
    expect(formatDateTime(evening.toISOString())).toBe('2026-11-29 23:59:59');
  });

  it('leaves text that is not a time unchanged', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
