import { describe, expect, it } from 'vitest';
import { maskNumbers } from './maskNumbers.js';

describe('maskNumbers', () => {
  it('masks ID numbers and accounts, also inside a longer token, and nothing else', () => {
    expect(maskNumbers('户主431226195506060354，账户6217995500001234567')).toBe(
      '户主431226********0354，账户6217***********4567',
    );
    // A disability certificate number: the ID number and two digits.
    expect(maskNumbers('残疾人证43122619550606035X42号')).toBe('残疾人证431226********035X42号');
    expect(maskNumbers('残疾人证4312261955060603542号')).toBe('残疾人证4312***********3542号');
    expect(maskNumbers('No.431226195506060354A')).toBe('No.431226********0354A');
    expect(maskNumbers('CARD6217995500001234567')).toBe('CARD6217***********4567');
    // Division codes, record numbers, plates, amounts and dates stay.
    const plain = '锦和镇 431226101001，MZ-2024-0000006，湘N12345，共1,680元，2024-03-15';
    expect(maskNumbers(plain)).toBe(plain);
  });

  it('leaves masked text as it is', () => {
    const once = maskNumbers('43122619550606035X42 6217995500001234567 431226195506060354');
    expect(maskNumbers(once)).toBe(once);
  });
});
