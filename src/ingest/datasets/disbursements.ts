import { foldName, namePinyin } from '../../core/nameFold.js';
import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import {
  amount,
  divisionCode,
  field,
  idNumber,
  pastDate,
  personName,
  required,
  text,
} from './common.js';

export const disbursements: DatasetDefinition = {
  key: 'disbursements',
  name: { zh: '民生资金发放明细', en: 'Payment records' },
  department: '民政局',
  table: 'ds_disbursements',
  fields: [
    field('record_id', '发放记录号', text(60), { ...required, aliases: ['发放流水号', '记录号'] }),
    field('program_code', '项目代码', { kind: 'programCode' }, required),
    field('id_number', '身份证号', idNumber, required),
    field('name', '姓名', personName, required),
    field('village_code', '村（社区）代码', divisionCode, {
      ...required,
      aliases: ['村代码', '村(社区)代码'],
    }),
    field('household_id', '户号', text(40)),
    field('household_size', '保障人数', { kind: 'integer', min: 1, max: 50 }),
    field(
      'period',
      '发放期间',
      { kind: 'month' },
      { ...required, aliases: ['发放月份', '所属期间'] },
    ),
    field('pay_date', '发放日期', pastDate, required),
    field('amount', '发放金额', amount, {
      ...required,
      column: 'amount_fen',
      aliases: ['发放金额（元）', '金额'],
    }),
    field('bank_account', '收款账号', text(40), { ...required, aliases: ['银行账号', '卡号'] }),
    field('account_holder', '账户户名', personName, { ...required, aliases: ['户名', '开户人'] }),
    field('account_holder_id_number', '账户身份证号', idNumber, { aliases: ['开户人身份证号'] }),
    field('handler_id_number', '经办人身份证号', idNumber),
  ],
  naturalKey: ['source', 'record_id'],
  division: { kind: 'column', column: 'village_code' },
  freshnessField: 'pay_date',
  derivedColumns: ['name_fold', 'holder_fold', 'holder_pinyin'],
  complete: (row) => {
    row.household_size ??= 1;
    row.name_fold = foldName(row.name as string);
    const holder = row.account_holder as string;
    row.holder_fold = foldName(holder);
    // Only a holder without an ID number is ever matched by name (R10).
    row.holder_pinyin = row.account_holder_id_number === null ? namePinyin(holder) : null;
    const account = row.bank_account;
    if (typeof account === 'string' && /[\s-]/.test(account))
      row.bank_account = account.replace(/[\s-]/g, '');
  },
  checkRow: (row): RowCheck | null => {
    const warnings: RowCheck['warnings'] = [];
    if (row.amount_fen === 0) {
      warnings.push({
        code: 'amount.zero',
        field: 'amount',
        zh: '发放金额为 0',
        en: 'zero amount',
      });
    }
    if (typeof row.bank_account === 'string' && !/^\d{8,30}$/.test(row.bank_account)) {
      warnings.push({
        code: 'account.format',
        field: 'bank_account',
        zh: '收款账号不是 8 至 30 位数字',
        en: 'unusual account number',
      });
    }
    return warnings.length > 0 ? { rejections: [], warnings } : null;
  },
};
