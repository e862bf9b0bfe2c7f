import type { DatasetDefinition } from '../datasetDefinition.js';
import { amount, field, idNumber, month, personName, required, text } from './common.js';

export const payroll: DatasetDefinition = {
  key: 'payroll',
  name: { zh: '财政供养人员工资发放', en: 'Finance payroll' },
  department: '财政局',
  table: 'ds_payroll',
  fields: [
    field('id_number', '身份证号', idNumber, required),
    field('name', '姓名', personName, required),
    field('employer', '工资单位', text(100), { ...required, aliases: ['单位', '工作单位'] }),
    field('period', '发放期间', month, { ...required, aliases: ['工资月份'] }),
    field('amount', '实发金额', amount, {
      ...required,
      column: 'amount_fen',
      aliases: ['实发工资'],
    }),
  ],
  naturalKey: ['id_number', 'employer', 'period'],
  division: { kind: 'person', column: 'id_number' },
  freshnessField: 'period',
};
