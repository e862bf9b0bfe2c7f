import { describe, expect, it } from 'vitest';
import {
  ancestorDivisionCodes,
  divisionLevel,
  divisionPrefix,
  jurisdictionCovers,
  normaliseDivisionCode,
} from './divisionCode.js';

describe('division codes', () => {
  it('pads prefixes to 12 digits and rejects other shapes', () => {
    expect(normaliseDivisionCode('431226')).toBe('431226000000');
    expect(normaliseDivisionCode('431226101')).toBe('431226101000');
    expect(normaliseDivisionCode(' 431226101203 ')).toBe('431226101203');
    expect(normaliseDivisionCode('4312261')).toBeNull();
    expect(normaliseDivisionCode('43122a')).toBeNull();
  });

  it('knows levels, prefixes and ancestors', () => {
    expect(divisionLevel('430000000000')).toBe(1);
    expect(divisionLevel('431200000000')).toBe(2);
    expect(divisionLevel('431226000000')).toBe(3);
    expect(divisionLevel('431226101000')).toBe(4);
    expect(divisionLevel('431226101203')).toBe(5);
    expect(divisionPrefix('431226101000')).toBe('431226101');
    expect(ancestorDivisionCodes('431226101203')).toEqual([
      '430000000000',
      '431200000000',
      '431226000000',
      '431226101000',
    ]);
  });

  it('decides coverage by prefix', () => {
    expect(jurisdictionCovers('431226101000', '431226101203')).toBe(true);
    expect(jurisdictionCovers('431226102000', '431226101203')).toBe(false);
    expect(jurisdictionCovers('431226000000', '431226101203')).toBe(true);
  });
});
