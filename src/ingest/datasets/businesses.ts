import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import { rejection } from '../rejection.js';
import { anyDate, field, idNumber, pastDate, required, text } from './common.js';

export const businessStatuses = ['存续', '在业', '注销', '吊销'] as const;

export const businesses: DatasetDefinition = {
  key: 'businesses',
  name: { zh: '市场主体登记', en: 'Business registration' },
  department: '市场监督管理局',
  table: 'ds_businesses',
  fields: [
    field('credit_code', '统一社会信用代码', { kind: 'creditCode' }, required),
    field('business_name', '企业名称', text(200), {
      ...required,
      aliases: ['市场主体名称', '名称'],
    }),
    field('legal_rep_id_number', '法定代表人身份证号', idNumber, {
      aliases: ['经营者身份证号', '负责人身份证号'],
    }),
    field(
      'shareholder_id_numbers',
      '股东身份证号',
      { kind: 'idNumberList' },
      { aliases: ['投资人身份证号'] },
    ),
    field(
      'registered_capital',
      '注册资本（万元）',
      { kind: 'decimal', min: 0, max: 100_000_000 },
      {
        aliases: ['注册资本', '注册资本(万元)'],
      },
    ),
    field('established_date', '成立日期', pastDate, required),
    field(
      'status',
      '登记状态',
      {
        kind: 'enum',
        values: businessStatuses,
        aliases: {
          开业: '在业',
          在营: '在业',
          '在营（开业）': '在业',
          吊销未注销: '吊销',
          '吊销，未注销': '吊销',
          已注销: '注销',
        },
      },
      required,
    ),
    field('closed_date', '注销日期', anyDate, { aliases: ['注吊销日期', '吊销日期'] }),
  ],
  naturalKey: ['credit_code'],
  division: { kind: 'businessPeople' },
  freshnessField: 'established_date',
  checkRow: (row): RowCheck | null => {
    const check: RowCheck = { rejections: [], warnings: [] };
    const closed = row.closed_date;
    if (typeof closed === 'string' && closed < (row.established_date as string)) {
      check.rejections.push({
        field: 'closed_date',
        reason: rejection('range.order', '注销日期早于成立日期', 'closed before established'),
      });
    }
    if ((row.status === '注销' || row.status === '吊销') && closed === null) {
      check.warnings.push({
        code: 'closed.missing',
        field: 'closed_date',
        zh: '登记状态为注销或吊销，但没有注销日期',
        en: 'closed without a date',
      });
    }
    if ((row.status === '存续' || row.status === '在业') && typeof closed === 'string') {
      check.warnings.push({
        code: 'closed.open',
        field: 'status',
        zh: '有注销日期，但登记状态仍为存续或在业',
        en: 'closing date on an open business',
      });
    }
    if (row.legal_rep_id_number === null && row.shareholder_id_numbers === null) {
      check.warnings.push({
        code: 'owner.missing',
        field: 'legal_rep_id_number',
        zh: '没有法定代表人或股东身份证号，无法比对',
        en: 'no owner identified',
      });
    }
    return check.rejections.length > 0 || check.warnings.length > 0 ? check : null;
  },
};
