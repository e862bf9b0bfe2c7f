import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanShort, parseAmount } from './money.js';

describe('parseAmount', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['1234.50元', 123450],
    ['¥1234.5', 123450],
    ['￥1234.5', 123450],
    ['１２３４．５', 123450],
    ['0.1', 10],
    ['560', 56000],
    ['.5', 50],
  ])('reads %s as %i fen', (raw, fen) => {
    expect(parseAmount(raw)).toEqual({ ok: true, fen });
  });

  it('never uses floating point: 0.29 stays 29 fen', () => {
    expect(parseAmount('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseAmount('1.005')).toEqual({ ok: false, reason: 'precision' });
  });

  it('rejects negative and non-numeric values', () => {
    expect(parseAmount('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(parseAmount('-5', { allowNegative: true })).toEqual({ ok: true, fen: -500 });
    expect(parseAmount('五百')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('formatYuan', () => {
  it('groups thousands and keeps fen', () => {
    expect(formatYuan(168000)).toBe('1,680.00');
    expect(formatYuanShort(168000)).toBe('1,680元');
    expect(formatYuanShort(5)).toBe('0.05元');
  });
});
