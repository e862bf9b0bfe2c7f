import type { DatasetDefinition, RowCheck } from '../datasetDefinition.js';
import { rejection } from '../rejection.js';
import { field, idNumber, pastDate, required, text } from './common.js';

export const approvals: DatasetDefinition = {
  key: 'approvals',
  name: { zh: '小微权力事项办理记录', en: 'Handled applications' },
  department: '政务服务中心',
  table: 'ds_approvals',
  fields: [
    field('case_no', '办件编号', text(60), { ...required, aliases: ['办件号', '受理编号'] }),
    field('item', '事项名称', text(100), required),
    field('applicant_id_number', '申请人身份证号', idNumber, required),
    field('organisation', '受理单位', text(100), required),
    field('handler_id_number', '经办人身份证号', idNumber),
    field('received_date', '受理日期', pastDate, required),
    field('decided_date', '办结日期', pastDate),
    field(
      'time_limit_days',
      '承诺时限（工作日）',
      { kind: 'integer', min: 0, max: 3650 },
      {
        aliases: ['承诺时限', '承诺时限(工作日)', '办理时限'],
      },
    ),
    field('result', '办理结果', {
      kind: 'enum',
      values: ['批准', '不予批准', '办理中'],
      aliases: {
        同意: '批准',
        通过: '批准',
        准予: '批准',
        不同意: '不予批准',
        不予许可: '不予批准',
        不通过: '不予批准',
        在办: '办理中',
        受理中: '办理中',
      },
    }),
  ],
  naturalKey: ['case_no'],
  division: { kind: 'person', column: 'applicant_id_number' },
  freshnessField: 'received_date',
  checkRow: (row): RowCheck | null => {
    const check: RowCheck = { rejections: [], warnings: [] };
    if (typeof row.decided_date === 'string' && row.decided_date < (row.received_date as string)) {
      check.rejections.push({
        field: 'decided_date',
        reason: rejection('range.order', '办结日期早于受理日期', 'decided before received'),
      });
    }
    if (row.result === '办理中' && typeof row.decided_date === 'string') {
      check.warnings.push({
        code: 'result.open',
        field: 'result',
        zh: '已有办结日期，但办理结果仍为办理中',
        en: 'decided but still open',
      });
    }
    return check.rejections.length > 0 || check.warnings.length > 0 ? check : null;
  },
};
