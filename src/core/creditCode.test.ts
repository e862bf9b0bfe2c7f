import { describe, expect, it } from 'vitest';
import { composeCreditCode, creditCodeCheckChar, parseCreditCode } from './creditCode.js';

describe('GB 32100 credit codes', () => {
  it('computes the check character of published examples', () => {
    // Examples printed on public business licences.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000802100433')).toBe('B');
  });

  it('accepts valid codes in lower case and full width, rejects the rest', () => {
    const code = composeCreditCode('92431226MA4L12345');
    expect(parseCreditCode(code.toLowerCase())).toEqual({ ok: true, value: code });
    expect(parseCreditCode(` ${code} `)).toEqual({ ok: true, value: code });
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(parseCreditCode(wrong)).toEqual({ ok: false, reason: 'checkChar' });
    expect(parseCreditCode(code.slice(0, 17))).toEqual({ ok: false, reason: 'length' });
    expect(parseCreditCode('92431226MA4L1234IO')).toEqual({ ok: false, reason: 'characters' });
  });
});
