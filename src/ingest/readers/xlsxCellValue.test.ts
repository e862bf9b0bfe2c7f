import { describe, expect, it } from 'vitest';
import { excelSerialToDate, isDateFormat, xlsxCellValue } from './xlsxCellValue.js';

describe('isDateFormat', () => {
  it('knows date and time formats, including Chinese ones, from number formats', () => {
    for (const format of [
      'mm-dd-yy',
      'yyyy/m/d',
      'yyyy"年"m"月"d"日"',
      'h:mm',
      '[$-804]yyyy-mm-dd',
      'YYYY-MM-DD',
    ]) {
      expect(isDateFormat(format)).toBe(true);
    }
    for (const format of [
      undefined,
      '',
      'General',
      '0.00',
      '#,##0.00"元"',
      '[Red]0.00',
      '0.00E+00',
      '@',
    ]) {
      expect(isDateFormat(format)).toBe(false);
    }
  });
});

describe('xlsxCellValue', () => {
  const date = new Date(Date.UTC(2024, 2, 5));

  it('keeps numbers, strings and dates, and turns empty values into null', () => {
    expect(xlsxCellValue(431226193803120000, undefined, false)).toBe(431226193803120000);
    expect(xlsxCellValue('测试甲', undefined, false)).toBe('测试甲');
    expect(xlsxCellValue(date, 'yyyy-mm-dd', false)).toEqual(date);
    expect(xlsxCellValue('', undefined, false)).toBeNull();
    expect(xlsxCellValue(null, undefined, false)).toBeNull();
    expect(xlsxCellValue(undefined, undefined, false)).toBeNull();
    expect(xlsxCellValue(Number.NaN, undefined, false)).toBeNull();
  });

  it('flattens rich text, shows booleans as Excel does and drops errors', () => {
    expect(
      xlsxCellValue(
        { richText: [{ text: '测试' }, { text: '乙', font: { bold: true } }] },
        undefined,
        false,
      ),
    ).toBe('测试乙');
    expect(xlsxCellValue(true, undefined, false)).toBe('TRUE');
    expect(xlsxCellValue(false, undefined, false)).toBe('FALSE');
    expect(xlsxCellValue({ error: '#N/A' }, undefined, false)).toBeNull();
    expect(
      xlsxCellValue({ text: '测试', hyperlink: 'https://example.org' }, undefined, false),
    ).toBe('测试');
  });

  it('gives a formula its cached result, as a date when the cell is formatted as one', () => {
    expect(xlsxCellValue({ formula: 'A1*2', result: 3 }, '0.00', false)).toBe(3);
    expect(xlsxCellValue({ formula: 'A1&"x"', result: '测试x' }, undefined, false)).toBe('测试x');
    expect(xlsxCellValue({ formula: 'A1+1', result: 45356 }, 'yyyy-mm-dd', false)).toEqual(date);
    expect(xlsxCellValue({ formula: 'A1+1', result: 43894 }, 'yyyy-mm-dd', true)).toEqual(date);
    expect(
      xlsxCellValue({ formula: '1/0', result: { error: '#DIV/0!' } }, undefined, false),
    ).toBeNull();
    expect(xlsxCellValue({ formula: 'NA()', result: Number.NaN }, undefined, false)).toBeNull();
    expect(xlsxCellValue({ formula: 'A1' }, undefined, false)).toBeNull();
    expect(xlsxCellValue({ sharedFormula: 'B2', result: 7 }, undefined, false)).toBe(7);
  });

  it('converts serial days the way Excel counts them', () => {
    expect(excelSerialToDate(1, false)).toEqual(new Date(Date.UTC(1899, 11, 31)));
    expect(excelSerialToDate(45356.5, false)).toEqual(new Date(Date.UTC(2024, 2, 5, 12)));
    expect(excelSerialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });
});
