import type { DatasetDefinition } from '../datasetDefinition.js';
import { field, idNumber, pastDate, personName, required, text } from './common.js';

export const propertyUsages = ['住宅', '商业', '办公', '工业', '其他'] as const;

export const properties: DatasetDefinition = {
  key: 'properties',
  name: { zh: '不动产登记', en: 'Real estate registration' },
  department: '自然资源局（不动产登记中心）',
  table: 'ds_properties',
  fields: [
    field('id_number', '身份证号', idNumber, { ...required, aliases: ['权利人身份证号'] }),
    field('name', '姓名', personName, { ...required, aliases: ['权利人'] }),
    field('certificate_no', '不动产权证号', text(60), {
      ...required,
      aliases: ['不动产权证书号', '产权证号'],
    }),
    field('location', '坐落', text(200)),
    field(
      'usage',
      '用途',
      {
        kind: 'enum',
        values: propertyUsages,
        aliases: {
          成套住宅: '住宅',
          城镇住宅: '住宅',
          农村住宅: '住宅',
          宅基地: '住宅',
          商服: '商业',
          商业服务: '商业',
          办公楼: '办公',
          厂房: '工业',
          仓储: '工业',
        },
      },
      required,
    ),
    field(
      'floor_area',
      '建筑面积（平方米）',
      { kind: 'decimal', min: 0, max: 1_000_000 },
      {
        aliases: ['建筑面积', '建筑面积(平方米)', '面积'],
      },
    ),
    field('registered_date', '登记日期', pastDate, required),
  ],
  naturalKey: ['certificate_no', 'id_number'],
  division: { kind: 'person', column: 'id_number' },
  freshnessField: 'registered_date',
};
