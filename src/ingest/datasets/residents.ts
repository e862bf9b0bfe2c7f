import { birthDateOfId } from '../../core/idNumber.js';
import { foldName, namePinyin } from '../../core/nameFold.js';
import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import {
  divisionCode,
  field,
  idNumber,
  pastDate,
  personName,
  required,
  sexOfId,
  text,
} from './common.js';

export const relationsToHead = [
  '户主',
  '配偶',
  '子',
  '女',
  '父',
  '母',
  '孙子',
  '孙女',
  '兄',
  '弟',
  '姐',
  '妹',
  '儿媳',
  '女婿',
  '其他',
] as const;

export const residents: DatasetDefinition = {
  key: 'residents',
  name: { zh: '户籍人口', en: 'Household registry' },
  department: '公安局',
  table: 'ds_residents',
  fields: [
    field('id_number', '身份证号', idNumber, {
      ...required,
      aliases: ['公民身份号码', '身份证号码'],
    }),
    field('name', '姓名', personName, required),
    field('gender', '性别', {
      kind: 'enum',
      values: ['男', '女'],
      aliases: { 男性: '男', 女性: '女', '1': '男', '2': '女', M: '男', F: '女' },
    }),
    field('birth_date', '出生日期', pastDate),
    field('household_id', '户号', text(40), required),
    field(
      'relation_to_head',
      '与户主关系',
      {
        kind: 'enum',
        values: relationsToHead,
        aliases: {
          本人: '户主',
          妻: '配偶',
          妻子: '配偶',
          夫: '配偶',
          丈夫: '配偶',
          儿子: '子',
          长子: '子',
          次子: '子',
          三子: '子',
          女儿: '女',
          长女: '女',
          次女: '女',
          三女: '女',
          父亲: '父',
          母亲: '母',
          哥哥: '兄',
          弟弟: '弟',
          姐姐: '姐',
          妹妹: '妹',
        },
      },
      required,
    ),
    field('village_code', '村（社区）代码', divisionCode, {
      ...required,
      aliases: ['村代码', '社区代码', '村(社区)代码'],
    }),
    field('address', '住址', text(200)),
    field('phone', '联系电话', text(40), { aliases: ['电话', '手机号码'] }),
    field('status', '户籍状态', {
      kind: 'enum',
      values: ['正常', '死亡注销', '迁出'],
      aliases: { 死亡: '死亡注销', 已死亡: '死亡注销', 迁移: '迁出', 已迁出: '迁出', 在册: '正常' },
    }),
  ],
  naturalKey: ['id_number'],
  division: { kind: 'column', column: 'village_code' },
  freshnessField: null,
  derivedColumns: ['name_fold', 'name_pinyin'],
  complete: (row) => {
    row.status ??= '正常';
    const name = row.name as string;
    row.name_fold = foldName(name);
    row.name_pinyin = namePinyin(name);
  },
  checkRow: (row): RowCheck | null => {
    const warnings: RowCheck['warnings'] = [];
    const id = row.id_number as string;
    if (row.gender !== null && row.gender !== undefined && row.gender !== sexOfId(id)) {
      warnings.push({
        code: 'gender.mismatch',
        field: 'gender',
        zh: `性别“${String(row.gender)}”与身份证号的性别位不符`,
        en: 'gender differs from the ID number',
      });
    }
    if (
      row.birth_date !== null &&
      row.birth_date !== undefined &&
      row.birth_date !== birthDateOfId(id)
    ) {
      warnings.push({
        code: 'birth.mismatch',
        field: 'birth_date',
        zh: `出生日期 ${String(row.birth_date)} 与身份证号中的 ${birthDateOfId(id)} 不符`,
        en: 'birth date differs from the ID number',
      });
    }
    return warnings.length > 0 ? { rejections: [], warnings } : null;
  },
};
