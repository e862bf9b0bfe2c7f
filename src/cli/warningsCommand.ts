import { parseArgs } from 'node:util';
import { csvLine } from '../core/csv.js';
import { JianduError } from '../core/errors.js';
import { formatYuan } from '../core/money.js';
import { maskIdNumber } from '../core/redact.js';
import { listWarnings, type WarningView } from '../warnings/warningsRepository.js';
import { warningStatuses, type WarningStatus } from '../api/warnings.js';
import { commonOptions, parseCommandArgs } from './args.js';

const statusNames: Record<WarningStatus, { zh: string; en: string }> = {
  open: { zh: '未处理', en: 'open' },
  cleared: { zh: '已消除', en: 'cleared' },
  dismissed: { zh: '已排除', en: 'dismissed' },
  resolved: { zh: '已整改', en: 'resolved' },
};
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const warningsHelp = {
  zh: `jiandu warnings [--format table|jsonl|csv] [--rule 规则代码] [--status open|cleared|dismissed|resolved]
  列出预警。table 为屏幕阅读（身份证号打码），jsonl/csv 供其他系统读取。`,
  en: `jiandu warnings [--format table|jsonl|csv] [--rule CODE] [--status open|cleared|dismissed|resolved]
  Lists warnings. table is for reading (ID numbers masked); jsonl and csv are for machines.`,
};

const csvColumns: (keyof WarningView)[] = [
  'rule',
  'subject_id_number',
  'subject_name',
  'village_code',
  'program_code',
  'periods',
  'amount_fen',
  'record_ids',
  'severity',
  'score',
  'explanation',
  'fingerprint',
  'status',
];

function csvValue(value: WarningView[keyof WarningView]): string {
  return Array.isArray(value) ? value.join(';') : value === null ? '' : String(value);
}

/** The warnings as CSV lines, header first (formula-like names guarded, see core/csv.ts). */
export function warningsCsv(warnings: readonly WarningView[]): string[] {
  return [
    csvLine(csvColumns),
    ...warnings.map((w) => csvLine(csvColumns.map((c) => csvValue(w[c])))),
  ];
}

export async function warningsCommand(args: string[], out: Output): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        format: { type: 'string' },
        rule: { type: 'string' },
        status: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }),
  );
  const format = values.format ?? 'table';
  if (!['table', 'jsonl', 'csv'].includes(format))
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `--format ${format}: table, jsonl or csv`,
    });
  if (values.status && !(warningStatuses as readonly string[]).includes(values.status)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `--status ${values.status}: ${warningStatuses.join(', ')}`,
    });
  }
  const ctx = await openContext(values.db);
  try {
    const { scope } = await resolveActor(ctx, values.as);
    const warnings = await listWarnings(ctx.handle.db, scope, {
      ...(values.rule ? { rule: values.rule.toUpperCase() } : {}),
      ...(values.status ? { status: values.status as WarningStatus } : {}),
    });
    if (format === 'jsonl') {
      for (const w of warnings) out.say(JSON.stringify(w));
    } else if (format === 'csv') {
      for (const line of warningsCsv(warnings)) out.say(line);
    } else {
      if (warnings.length === 0) out.say(out.t('没有预警', 'No warnings'));
      for (const w of warnings) {
        const status = out.t(statusNames[w.status].zh, statusNames[w.status].en);
        const subject =
          w.subject_kind === 'person' ? maskIdNumber(w.subject_id_number) : w.subject_id_number;
        out.say(
          `${w.rule}\t${w.severity}\t${w.score}\t${status}\t${w.subject_name}\t${subject}\t${w.program_code ?? '-'}\t${formatYuan(w.amount_fen)}\t${w.explanation}`,
        );
      }
    }
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
