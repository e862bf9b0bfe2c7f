import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import { rejection } from '../rejection.js';
import {
  anyDate,
  divisionCode,
  field,
  idNumber,
  pastDate,
  personName,
  required,
  text,
  yesNo,
} from './common.js';

export const officialCategories = [
  '公务员',
  '事业人员',
  '村干部',
  '村务监督委员会成员',
  '国企人员',
  '其他',
] as const;

export const officials: DatasetDefinition = {
  key: 'officials',
  name: { zh: '公职人员及村（社区）干部', en: 'Officials and village cadres' },
  department: '组织部',
  table: 'ds_officials',
  fields: [
    field('id_number', '身份证号', idNumber, required),
    field('name', '姓名', personName, required),
    field('organisation', '工作单位', text(100), required),
    field('position', '职务', text(60)),
    field(
      'category',
      '人员类别',
      {
        kind: 'enum',
        values: officialCategories,
        aliases: {
          事业单位人员: '事业人员',
          事业编制: '事业人员',
          '村（社区）干部': '村干部',
          '村(社区)干部': '村干部',
          社区干部: '村干部',
          村监委成员: '村务监督委员会成员',
          国有企业人员: '国企人员',
          行政编制: '公务员',
        },
      },
      required,
    ),
    field('jurisdiction_code', '管辖区划代码', divisionCode, required),
    field('start_date', '任职开始日期', pastDate, { ...required, aliases: ['任职日期'] }),
    field('end_date', '任职结束日期', anyDate, { aliases: ['离任日期'] }),
    field('state_paid', '财政供养', yesNo, { aliases: ['是否财政供养'] }),
  ],
  naturalKey: ['id_number', 'organisation', 'start_date'],
  division: { kind: 'column', column: 'jurisdiction_code' },
  freshnessField: 'start_date',
  complete: (row) => {
    row.state_paid ??= row.category === '公务员' || row.category === '事业人员' ? 1 : 0;
  },
  checkRow: (row): RowCheck | null => {
    const end = row.end_date;
    if (typeof end === 'string' && end < (row.start_date as string)) {
      return {
        rejections: [
          {
            field: 'end_date',
            reason: rejection(
              'range.order',
              '任职结束日期早于任职开始日期',
              'end date before start date',
            ),
          },
        ],
        warnings: [],
      };
    }
    return null;
  },
};
