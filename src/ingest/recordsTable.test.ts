import { describe, expect, it } from 'vitest';
import { isJianduError } from '../core/errors.js';
import { datasets } from './datasets/index.js';
import { exchangeLimits, recordsAsTable } from './recordsTable.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isJianduError(error)) return `${error.code}: ${error.text('en')}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('exchange records as a table', () => {
  it('makes one column per key spelling, known or extra, and keeps numbers as numbers', () => {
    const rows = recordsAsTable(datasets.deaths, [
      { 身份证号: '431226195001010011', 姓名: '张三', 死亡日期: '2024-03-12', 炉号: 3 },
      { id_number: '431226195001010012', name: '李四', death_date: '2024-03-13', 炉号: null },
      { ' 姓名 ': '王五', 身份证号: '', 火化日期: '2024-03-14' },
    ]);
    expect(rows[0]).toEqual({
      rowNumber: 0,
      cells: [
        '身份证号',
        '姓名',
        '死亡日期',
        '炉号',
        'id_number',
        'name',
        'death_date',
        '火化日期',
      ],
    });
    expect(rows.slice(1)).toEqual([
      {
        rowNumber: 1,
        cells: ['431226195001010011', '张三', '2024-03-12', 3, null, null, null, null],
      },
      {
        rowNumber: 2,
        cells: [null, null, null, null, '431226195001010012', '李四', '2024-03-13', null],
      },
      { rowNumber: 3, cells: [null, '王五', null, null, null, null, null, '2024-03-14'] },
    ]);
  });

  it('recognises a department’s own column names', () => {
    const rows = recordsAsTable(
      datasets.deaths,
      [{ 逝者证件号: '431226195001010011', 逝者: 'x' }],
      {
        逝者证件号: 'id_number',
      },
    );
    expect(rows[0]!.cells).toEqual(['逝者证件号', '逝者']);
  });

  it('keeps up to the cap of keys the template does not know, and refuses one more', () => {
    const extras = Array.from({ length: exchangeLimits.maxUnknownKeys }, (_, i) => `附加${i}`);
    const within = recordsAsTable(
      datasets.deaths,
      extras.map((key) => ({
        id_number: '431226195001010011',
        [key]: 'v',
        [` ${key.toUpperCase()} `]: null,
      })),
    );
    expect(within[0]!.cells).toHaveLength(1 + exchangeLimits.maxUnknownKeys);
    expect(
      refusal(() =>
        recordsAsTable(
          datasets.deaths,
          [...extras, 'one-more'].map((key) => ({ [key]: 'v' })),
        ),
      ),
    ).toMatch(/^EXCHANGE_UNKNOWN_KEYS: .*more than 20 fields .*Deaths/);
  });

  it('refuses a blank or long key and a field given twice in one record', () => {
    expect(refusal(() => recordsAsTable(datasets.deaths, [{ '  ': 'x' }]))).toMatch(
      /^INVALID_REQUEST: .*blank field name/,
    );
    expect(
      refusal(() => recordsAsTable(datasets.deaths, [{ name: '张三', ' NAME': '李四' }])),
    ).toMatch(/^INVALID_REQUEST: .*record 1 gives the field NAME twice/);
    expect(refusal(() => recordsAsTable(datasets.deaths, [{ ['键'.repeat(101)]: 'x' }]))).toMatch(
      /^INVALID_REQUEST: .*at most 100 characters/,
    );
  });
});
