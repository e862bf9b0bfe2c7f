import type { DatasetDefinition } from '../datasetDefinition.js';
import { amount, field, required, text, yesNo } from './common.js';

export const programs: DatasetDefinition = {
  key: 'programs',
  name: { zh: '民生资金项目目录', en: 'Programme catalogue' },
  department: '财政局',
  table: 'ds_programs',
  fields: [
    field('program_code', '项目代码', { kind: 'programCode' }, required),
    field('name', '项目名称', text(100), required),
    field('department', '主管部门', text(100), required),
    field('standard_monthly', '发放标准（元/人·月）', amount, {
      column: 'standard_monthly_fen',
      aliases: ['发放标准', '发放标准(元/人·月)', '发放标准（元/人/月）'],
    }),
    field('means_tested', '是否家计调查', yesNo, { aliases: ['家计调查'] }),
    field('min_age', '最低年龄', { kind: 'integer', min: 0, max: 150 }),
    field('requires_disability', '需残疾人证', yesNo, { aliases: ['是否需残疾人证'] }),
    field('exclusive_with', '互斥项目', { kind: 'codeList' }),
  ],
  naturalKey: ['program_code'],
  division: { kind: 'none' },
  freshnessField: null,
  complete: (row) => {
    row.means_tested ??= 0;
    row.requires_disability ??= 0;
  },
};
