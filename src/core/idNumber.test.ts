import { describe, expect, it } from 'vitest';
import { ageOnDate, composeIdNumber, idCheckChar, parseIdNumber } from './idNumber.js';

const today = '2026-11-29';

describe('parseIdNumber', () => {
  const valid = composeIdNumber('431226', '1938-03-12', 1);

  it('accepts a valid 18-character number and reads birth date and sex', () => {
    expect(parseIdNumber(valid, today)).toEqual({
      ok: true,
      value: valid,
      birthDate: '1938-03-12',
      sex: 'M',
      converted: false,
    });
    expect(parseIdNumber(composeIdNumber('431226', '1990-01-01', 2), today)).toMatchObject({
      sex: 'F',
    });
  });

  it('checks the published example of GB 11643 (11010519491231002X)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002x', today)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('accepts surrounding spaces, full-width digits and a leading apostrophe', () => {
    const fullWidth = valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(parseIdNumber(`  ${valid}\u3000`, today)).toMatchObject({ ok: true, value: valid });
    expect(parseIdNumber(fullWidth, today)).toMatchObject({ ok: true, value: valid });
    expect(parseIdNumber(`'${valid}`, today)).toMatchObject({ ok: true, value: valid });
  });

  it('converts a 15-digit first-generation number to 18 digits with a 19xx year', () => {
    const result = parseIdNumber('431226380312001', today);
    expect(result).toEqual({
      ok: true,
      value: valid,
      birthDate: '1938-03-12',
      sex: 'M',
      converted: true,
    });
  });

  it('rejects and never repairs', () => {
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(parseIdNumber(wrongCheck, today)).toEqual({ ok: false, reason: 'checkDigit' });
    expect(parseIdNumber('4.31226E+17', today)).toEqual({ ok: false, reason: 'scientific' });
    expect(parseIdNumber('4.31226193803E+17', today)).toEqual({ ok: false, reason: 'scientific' });
    expect(parseIdNumber(valid.slice(0, 15) + '000', today)).toMatchObject({ ok: false });
    expect(parseIdNumber(valid.slice(0, 17), today)).toEqual({ ok: false, reason: 'length' });
    expect(parseIdNumber('', today)).toEqual({ ok: false, reason: 'empty' });
    expect(parseIdNumber('43122619380312001A', today)).toEqual({ ok: false, reason: 'characters' });
    const impossible = composeIdNumber('431226', '1938-02-30', 1);
    expect(parseIdNumber(impossible, today)).toEqual({ ok: false, reason: 'birthDate' });
    const future = composeIdNumber('431226', '2030-01-01', 1);
    expect(parseIdNumber(future, today)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('names Excel precision loss when the last digits became zeros', () => {
    // Pick a number whose real last three digits are not 000 and whose zeroed form fails the check.
    for (let seq = 1; seq < 50; seq += 1) {
      const id = composeIdNumber('431226', '1950-06-01', seq);
      const zeroed = id.slice(0, 15) + '000';
      if (idCheckChar(zeroed.slice(0, 17)) !== '0') {
        expect(parseIdNumber(zeroed, today)).toEqual({ ok: false, reason: 'truncated' });
        return;
      }
    }
    throw new Error('no sample found');
  });
});

describe('ageOnDate', () => {
  it('counts whole years to the given day', () => {
    const id = composeIdNumber('431226', '1944-06-15', 1);
    expect(ageOnDate(id, '2024-06-14')).toBe(79);
    expect(ageOnDate(id, '2024-06-15')).toBe(80);
  });
});
