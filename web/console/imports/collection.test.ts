import { describe, expect, it } from 'vitest';
import type { QuarantineRow } from '../../../src/api/batches';
import type { QualityReport } from '../../../src/api/quality';
import { dictionaries, translate } from '../../components/i18n';
import {
  batchStatusColour,
  batchStatusKey,
  batchStatuses,
  batchesUrl,
  channelKey,
  consistencyChecks,
  dimensionDetail,
  fixFileUrl,
  importUrl,
  isImportableFile,
  problemLines,
  qualityDimensions,
  quarantineUrl,
  reviewBatchId,
  scoreTone,
  templateUrl,
} from './collection';

const report: QualityReport = {
  completeness: { score: 92, filled: 13, expected: 14 },
  validity: { score: 50, valid: 1, rows: 2 },
  uniqueness: { score: 100, repeated: 0, rows: 2 },
  consistency: {
    score: 66,
    inconsistent: 2,
    rows: 6,
    checks: { row_warnings: 1, not_in_registry: 2, something_new: 3, unknown_program: 0 },
  },
  timeliness: { score: 0, newest: '2024-03-15', ageDays: 989 },
};

describe('batch statuses', () => {
  it('have Chinese names as the server uses them, and a colour each', () => {
    const names = batchStatuses.map((s) => translate('zh', batchStatusKey(s)!));
    expect(names).toEqual([
      '导入中',
      '待审核',
      '已通过',
      '已退回',
      '已撤回',
      '导入失败',
      '无新数据',
      '已并入原批次',
    ]);
    expect(batchStatusColour('pending')).toBe('gold');
    expect(batchStatusColour('approved')).toBe('green');
    expect(new Set(batchStatuses.map(batchStatusColour)).size).toBe(batchStatuses.length);
  });

  it('leave a status they do not know as it is, in the default colour', () => {
    expect(batchStatusKey('archived')).toBeNull();
    expect(batchStatusColour('archived')).toBe('default');
  });

  it('name the channels', () => {
    expect(translate('zh', channelKey('exchange')!)).toBe('数据交换接口');
    expect(translate('zh', channelKey('fix')!)).toBe('修正文件');
    expect(channelKey('carrier-pigeon')).toBeNull();
  });
});

describe('quality scores', () => {
  it('are good from 90, fair from 60, poor below, none without a score', () => {
    expect(scoreTone(100)).toBe('good');
    expect(scoreTone(90)).toBe('good');
    expect(scoreTone(89)).toBe('fair');
    expect(scoreTone(60)).toBe('fair');
    expect(scoreTone(59)).toBe('poor');
    expect(scoreTone(0)).toBe('poor');
    expect(scoreTone(null)).toBe('none');
  });

  it('show the counts behind each score in words', () => {
    const text = (d: (typeof qualityDimensions)[number]) => {
      const { key, params } = dimensionDetail(report, d);
      return translate('zh', key, params);
    };
    expect(text('completeness')).toBe('已填 13 / 应填 14 项');
    expect(text('validity')).toBe('合格 1 / 共 2 行');
    expect(text('uniqueness')).toBe('重复 0 / 共 2 行');
    expect(text('consistency')).toBe('不一致 2 / 共 6 行');
    expect(text('timeliness')).toBe('最新日期 2024-03-15，距今 989 天');
    const undated = { ...report, timeliness: { score: null, newest: null, ageDays: null } };
    const none = dimensionDetail(undated, 'timeliness');
    expect(translate('zh', none.key, none.params)).toBe('没有可判断时效的日期');
  });

  it('name the consistency checks in Chinese, skip empty ones and keep unknown ones', () => {
    const checks = consistencyChecks(report).map((c) => ({
      text: c.key ? translate('zh', c.key) : c.name,
      rows: c.rows,
    }));
    expect(checks).toEqual([
      { text: '行内不一致（如性别与身份证号不符）', rows: 1 },
      { text: '不在户籍库中', rows: 2 },
      { text: 'something_new', rows: 3 },
    ]);
    expect(translate('zh', 'quality.check.official_unknown')).toBe('公职人员不在名单中');
    expect(translate('zh', 'quality.check.unknown_program')).toBe('项目不在目录中');
  });

  it('have every dimension named and explained in both languages', () => {
    for (const d of qualityDimensions) {
      for (const language of ['zh', 'en'] as const) {
        expect(dictionaries[language][`quality.${d}`]).toBeTruthy();
        expect(dictionaries[language][`quality.help.${d}`]).toBeTruthy();
      }
    }
  });
});

describe('quarantined rows', () => {
  const rows: QuarantineRow[] = [
    {
      rowNumber: 3,
      raw: { 身份证号: '4.31226E+17', 发放金额: 'abc' },
      problems: [
        {
          field: 'id_number',
          header: '身份证号',
          value: '4.31226E+17',
          code: 'id.scientific',
          reason: '身份证号被 Excel 转成了科学计数法',
        },
        {
          field: 'amount',
          header: null,
          value: 'abc',
          code: 'amount.format',
          reason: '金额不是数字',
        },
      ],
      resolved: false,
    },
    { rowNumber: 7, raw: {}, problems: [], resolved: true },
  ];

  it('become one line per problem, the row number spanning its lines', () => {
    const lines = problemLines(rows);
    expect(lines.map((l) => [l.key, l.rowNumber, l.rowSpan, l.column, l.value])).toEqual([
      ['3-0', 3, 2, '身份证号', '4.31226E+17'],
      ['3-1', 3, 0, 'amount', 'abc'],
      ['7-0', 7, 1, '', ''],
    ]);
    expect(lines[2]?.resolved).toBe(true);
    expect(lines[0]?.reason).toContain('科学计数法');
  });
});

describe('addresses', () => {
  it('put the upload’s details in the query, encoded', () => {
    expect(
      importUrl({ dataset: 'disbursements', fileName: '3月 发放.csv', source: ' 民政局 ' }),
    ).toBe(
      `/api/imports?dataset=disbursements&fileName=${encodeURIComponent('3月 发放.csv').replace(/%20/g, '+')}&source=${encodeURIComponent('民政局')}`,
    );
    expect(importUrl({ dataset: 'deaths', fileName: 'a&b.xlsx', source: '', fixes: 12 })).toBe(
      '/api/imports?dataset=deaths&fileName=a%26b.xlsx&fixes=12',
    );
    expect(importUrl({ dataset: 'deaths', fileName: 'a.csv', fixes: null })).toBe(
      '/api/imports?dataset=deaths&fileName=a.csv',
    );
  });

  it('page the batches by the last id and filter them', () => {
    expect(batchesUrl({})).toBe('/api/batches?limit=50');
    expect(batchesUrl({ dataset: 'residents', status: 'pending', before: 51 })).toBe(
      '/api/batches?dataset=residents&status=pending&limit=50&before=51',
    );
    expect(quarantineUrl(4, { limit: 20, offset: 40 })).toBe(
      '/api/batches/4/quarantine?limit=20&offset=40',
    );
    expect(quarantineUrl(4, { limit: 20, offset: 0, all: true })).toBe(
      '/api/batches/4/quarantine?limit=20&offset=0&all=true',
    );
    expect(fixFileUrl(4, 'csv')).toBe('/api/batches/4/quarantine.csv');
    expect(fixFileUrl(4, 'xlsx')).toBe('/api/batches/4/quarantine.xlsx');
    expect(templateUrl('disbursements')).toBe('/api/datasets/disbursements/template.xlsx');
  });

  it('send the reviewer to the batch a fix file joined', () => {
    expect(reviewBatchId({ batch_id: 9, merged_into: null })).toBe(9);
    expect(reviewBatchId({ batch_id: 9, merged_into: 4 })).toBe(4);
  });
});

describe('file types', () => {
  it('take CSV and Excel files, whatever the case of the extension', () => {
    expect(isImportableFile('发放明细.csv')).toBe(true);
    expect(isImportableFile('发放明细.XLSX')).toBe(true);
    // The server explains what to do with an old .xls.
    expect(isImportableFile('old.xls')).toBe(true);
    expect(isImportableFile('scan.pdf')).toBe(false);
    expect(isImportableFile('no-extension')).toBe(false);
  });
});
