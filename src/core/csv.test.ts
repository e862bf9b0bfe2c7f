import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, guardFormula, looksLikeFormula, unguardFormula } from './csv.js';

const attacks = [
  `=cmd|' /C calc'!A0`,
  '@SUM(1+1)',
  '=HYPERLINK("http://evil.example/","点我")',
  '+1+cmd|" /C notepad"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('get an apostrophe in front (OWASP), and keep their quoting', () => {
    for (const value of attacks) {
      expect(guardFormula(value)).toBe(`'${value}`);
      const quoted = /[",\r\n]/.test(value);
      expect(csvCell(value)).toBe(quoted ? `"'${value.replace(/"/g, '""')}"` : `'${value}`);
    }
    expect(csvCell('=HYPERLINK("http://evil.example/","点我")')).toBe(
      `"'=HYPERLINK(""http://evil.example/"",""点我"")"`,
    );
  });

  it('leave plain numbers, ordinary text and apostrophes not of our making alone', () => {
    for (const value of ['-12.50', '-3', '12.50', '0', '张三', "'abc", 'a=b', '', ' '])
      expect(guardFormula(value)).toBe(value);
    // A number with an exponent or a sign is not a plain number: guarded.
    expect(guardFormula('+12')).toBe("'+12");
    expect(guardFormula('-1e5')).toBe("'-1e5");
    expect(guardFormula('-')).toBe("'-");
    // An apostrophe before a formula-like value gets one more, so it survives the way back.
    expect(guardFormula("'-12.50")).toBe("''-12.50");
  });

  it('come back exactly as they were when the file is read again', () => {
    const starts = fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r', "'=", "'-", '-1');
    const values = fc.tuple(starts, fc.string()).map(([start, rest]) => start + rest);
    fc.assert(
      fc.property(values, (value) => {
        expect(unguardFormula(guardFormula(value))).toBe(value);
        // Whatever was written, no cell a spreadsheet sees starts like a formula, except a
        // plain number.
        const written = guardFormula(value);
        if (/^[=+\-@\t\r]/.test(written)) expect(written).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
    expect(unguardFormula("''=x")).toBe("'=x");
    expect(unguardFormula("'abc")).toBe("'abc");
    expect(unguardFormula("'-12.50")).toBe("'-12.50");
  });

  it('make every cell of a document safe, with a byte order mark and CRLF lines', () => {
    const text = csvDocument([
      ['姓名', '金额'],
      [attacks[0]!, '-12.50'],
      ['@SUM(1+1)', 560],
    ]);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toBe(`\ufeff姓名,金额\r\n'=cmd|' /C calc'!A0,-12.50\r\n'@SUM(1+1),560\r\n`);
  });
});

describe('free text that looks like a formula (the importers’ quality note)', () => {
  it('is any value starting with = @ tab or CR, or + - followed by more than a number', () => {
    for (const value of attacks.filter((a) => !/^[\t\r]/.test(a)))
      expect(looksLikeFormula(value)).toBe(true);
    expect(looksLikeFormula('\t=1')).toBe(true);
    expect(looksLikeFormula('-abc')).toBe(true);
  });

  it('is not a phone number with a country code, a dash for "none" or ordinary text', () => {
    for (const value of [
      '+86 138 0000 0000',
      '+86-731-1234567',
      '-',
      '--',
      '-12.50',
      '张三',
      '锦和镇东街1号',
    ])
      expect(looksLikeFormula(value)).toBe(false);
  });
});
