import { describe, expect, it } from 'vitest';
import { composeIdNumber } from './idNumber.js';
import { maskBankAccount, maskIdNumber, maskName, redactText } from './redact.js';

describe('redaction', () => {
  const id = composeIdNumber('431226', '1938-03-12', 1);

  it('masks ID numbers, accounts and names', () => {
    expect(maskIdNumber(id)).toBe(`431226********${id.slice(-4)}`);
    expect(maskBankAccount('6222021234567890123')).toBe('6222***********0123');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
  });

  it('finds identifiers in free text but leaves division codes alone', () => {
    const text = `身份证 ${id} 账号 6222021234567890123 村 431226101203 金额 1680`;
    const out = redactText(text);
    expect(out).not.toContain(id);
    expect(out).not.toContain('6222021234567890123');
    expect(out).toContain('431226101203');
    expect(out).toContain('1680');
    expect(redactText('431226380312001')).toBe('431226*****2001');
  });

  it('finds identifiers glued to letters and inside addresses', () => {
    const x = `${id.slice(0, 17)}X`;
    for (const text of [
      `ID${id}`,
      `id=${x}abc`,
      `/api/x?q=${id}&y=1`,
      `acct6222021234567890123end`,
    ]) {
      const out = redactText(text);
      expect(out).not.toContain(id.slice(6, 14));
      expect(out).not.toContain('1234567890');
    }
    expect(redactText('v2 2024-03-12 431226101203')).toBe('v2 2024-03-12 431226101203');
  });
});
