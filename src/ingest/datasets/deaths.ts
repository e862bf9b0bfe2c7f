import type { DatasetDefinition } from '../datasetDefinition.js';
import { field, idNumber, pastDate, personName, required } from './common.js';

export const deathSources = ['火化', '死亡医学证明', '户籍注销'] as const;

export const deaths: DatasetDefinition = {
  key: 'deaths',
  name: { zh: '死亡人员信息', en: 'Deaths' },
  department: '民政局（殡葬）',
  table: 'ds_deaths',
  fields: [
    field('id_number', '身份证号', idNumber, required),
    field('name', '姓名', personName, required),
    field('death_date', '死亡日期', pastDate, { ...required, aliases: ['死亡时间', '火化日期'] }),
    field(
      'source',
      '信息来源',
      {
        kind: 'enum',
        values: deathSources,
        aliases: {
          殡葬: '火化',
          殡仪馆: '火化',
          医学证明: '死亡医学证明',
          卫健: '死亡医学证明',
          公安: '户籍注销',
          注销: '户籍注销',
        },
      },
      // `source` names the supplying department on every dataset table.
      { column: 'source_kind' },
    ),
  ],
  naturalKey: ['id_number', 'source_kind'],
  division: { kind: 'person', column: 'id_number' },
  freshnessField: 'death_date',
  complete: (row) => {
    row.source_kind ??= '';
  },
};
