import { foldFullWidth, removeSpaces } from '../../core/text.js';
import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import { rejection } from '../rejection.js';
import { anyDate, field, idNumber, pastDate, personName, required, text } from './common.js';

/** Vehicle types of the registration system (GA 24.4), with the template's examples first. */
export const vehicleTypes = [
  '小型轿车',
  '小型普通客车',
  '中型客车',
  '重型货车',
  '轻型货车',
  '三轮汽车',
  '低速货车',
  '拖拉机',
  '摩托车',
  '微型轿车',
  '中型轿车',
  '大型轿车',
  '微型普通客车',
  '小型越野客车',
  '小型专用客车',
  '大型客车',
  '中型货车',
  '微型货车',
  '重型专项作业车',
  '轻型专项作业车',
  '挂车',
  '普通二轮摩托车',
  '普通三轮摩托车',
  '轻便二轮摩托车',
  '轻便三轮摩托车',
  '轮式拖拉机',
  '手扶拖拉机',
  '其他',
] as const;

export const vehicles: DatasetDefinition = {
  key: 'vehicles',
  name: { zh: '机动车登记', en: 'Vehicle registration' },
  department: '公安交警',
  table: 'ds_vehicles',
  fields: [
    field('id_number', '身份证号', idNumber, {
      ...required,
      aliases: ['车主身份证号', '所有人身份证号'],
    }),
    field('name', '姓名', personName, { ...required, aliases: ['车主姓名', '所有人'] }),
    field('plate', '号牌号码', text(20), { ...required, aliases: ['车牌号', '车牌号码'] }),
    field(
      'vehicle_type',
      '车辆类型',
      {
        kind: 'enum',
        values: vehicleTypes,
        aliases: { 轿车: '小型轿车', 小轿车: '小型轿车', 面包车: '小型普通客车' },
      },
      required,
    ),
    field('registered_date', '登记日期', pastDate, { ...required, aliases: ['初次登记日期'] }),
    field('cancelled_date', '注销日期', anyDate),
  ],
  naturalKey: ['plate'],
  division: { kind: 'person', column: 'id_number' },
  freshnessField: 'registered_date',
  complete: (row) => {
    if (typeof row.plate === 'string')
      row.plate = removeSpaces(foldFullWidth(row.plate)).toUpperCase();
  },
  checkRow: (row): RowCheck | null =>
    typeof row.cancelled_date === 'string' && row.cancelled_date < (row.registered_date as string)
      ? {
          rejections: [
            {
              field: 'cancelled_date',
              reason: rejection(
                'range.order',
                '注销日期早于登记日期',
                'cancelled before registered',
              ),
            },
          ],
          warnings: [],
        }
      : null,
};
