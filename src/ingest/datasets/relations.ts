import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import { rejection } from '../rejection.js';
import { field, idNumber, required } from './common.js';

export const declaredRelations = [
  '配偶',
  '子女',
  '父母',
  '兄弟姐妹',
  '配偶父母',
  '子女配偶',
  '其他亲属',
  '特定关系人',
] as const;

export const relations: DatasetDefinition = {
  key: 'relations',
  name: { zh: '亲属关系申报', en: 'Declared relatives' },
  department: '纪委监委',
  table: 'ds_relations',
  fields: [
    field('official_id_number', '公职人员身份证号', idNumber, required),
    field('relative_id_number', '亲属身份证号', idNumber, required),
    field('relative_name', '亲属姓名', { kind: 'name' }, required),
    field(
      'relation',
      '关系',
      {
        kind: 'enum',
        values: declaredRelations,
        aliases: {
          妻子: '配偶',
          丈夫: '配偶',
          儿子: '子女',
          女儿: '子女',
          父亲: '父母',
          母亲: '父母',
          兄弟: '兄弟姐妹',
          姐妹: '兄弟姐妹',
          哥哥: '兄弟姐妹',
          弟弟: '兄弟姐妹',
          姐姐: '兄弟姐妹',
          妹妹: '兄弟姐妹',
          岳父: '配偶父母',
          岳母: '配偶父母',
          公公: '配偶父母',
          婆婆: '配偶父母',
          儿媳: '子女配偶',
          女婿: '子女配偶',
        },
      },
      required,
    ),
  ],
  naturalKey: ['official_id_number', 'relative_id_number'],
  division: { kind: 'person', column: 'official_id_number' },
  freshnessField: null,
  checkRow: (row): RowCheck | null =>
    row.official_id_number === row.relative_id_number
      ? {
          rejections: [
            {
              field: 'relative_id_number',
              reason: rejection(
                'relation.self',
                '亲属身份证号与公职人员本人相同',
                'relative is the official',
              ),
            },
          ],
          warnings: [],
        }
      : null,
};
