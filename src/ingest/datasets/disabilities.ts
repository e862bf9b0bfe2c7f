import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import { rejection } from '../rejection.js';
import { anyDate, field, idNumber, pastDate, personName, required, text } from './common.js';

export const disabilities: DatasetDefinition = {
  key: 'disabilities',
  name: { zh: '残疾人证信息', en: 'Disability certificates' },
  department: '残联',
  table: 'ds_disabilities',
  fields: [
    field('id_number', '身份证号', idNumber, required),
    field('name', '姓名', personName, required),
    field('certificate_no', '残疾人证号', text(40), { ...required, aliases: ['残疾证号'] }),
    field(
      'disability_type',
      '残疾类别',
      {
        kind: 'enum',
        values: ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'],
        aliases: {
          视力残疾: '视力',
          听力残疾: '听力',
          言语残疾: '言语',
          肢体残疾: '肢体',
          智力残疾: '智力',
          精神残疾: '精神',
          多重残疾: '多重',
        },
      },
      required,
    ),
    field(
      'disability_level',
      '残疾等级',
      {
        kind: 'enum',
        values: ['一级', '二级', '三级', '四级'],
        aliases: {
          一: '一级',
          二: '二级',
          三: '三级',
          四: '四级',
          '1': '一级',
          '2': '二级',
          '3': '三级',
          '4': '四级',
          '1级': '一级',
          '2级': '二级',
          '3级': '三级',
          '4级': '四级',
        },
      },
      required,
    ),
    field('issued_date', '发证日期', pastDate, required),
    field('valid_until', '有效期至', anyDate, { aliases: ['有效期'] }),
  ],
  naturalKey: ['certificate_no'],
  division: { kind: 'person', column: 'id_number' },
  freshnessField: 'issued_date',
  checkRow: (row): RowCheck | null =>
    typeof row.valid_until === 'string' && row.valid_until < (row.issued_date as string)
      ? {
          rejections: [
            {
              field: 'valid_until',
              reason: rejection('range.order', '有效期至早于发证日期', 'valid until before issued'),
            },
          ],
          warnings: [],
        }
      : null,
};
