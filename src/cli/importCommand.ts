import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { JianduError, isJianduError, type ErrorCode, type Language } from '../core/errors.js';
import { datasetKeys } from '../ingest/datasetDefinition.js';
import type { ImportSummary } from '../ingest/finaliseBatch.js';
import { datasetOrFail, importFile } from '../ingest/importFile.js';
import type { ImportProgress } from '../ingest/importTable.js';
import { can } from '../api/capabilities.js';
import { approveBatch, minValidity } from '../ingest/reviewBatch.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { importProgressText, ProgressLine } from './progressBar.js';
import { scanAfterChange } from './scanAfterChange.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const importHelp = {
  zh: `jiandu import 数据集 文件 [--source 部门] [--approve [--override 理由]] [--json] [--fixes 批次号]
  导入一个模板文件（CSV 或 XLSX）。数据集：${datasetKeys.join(', ')}。
  --approve 同时审核通过，规则与工作台相同：管理员审核自己导入的批次、或有效率低于要求的批次，须用 --override 写明理由（记入审计）；
  不能通过时批次保持待审核并说明原因。--fixes 导入修正后的隔离行。`,
  en: `jiandu import DATASET FILE [--source NAME] [--approve [--override REASON]] [--json] [--fixes BATCH]
  Imports one template file (CSV or XLSX). Datasets: ${datasetKeys.join(', ')}.
  --approve also approves it under the console's rules: an administrator approving their own import, or a batch below the
  validity threshold, needs --override with a reason (audited); otherwise the batch stays pending and the reason is printed.
  --fixes imports fixed quarantined rows.`,
};

/** Refusals of the approval that leave the imported batch pending (the import itself succeeded). */
const approvalRefusals: readonly ErrorCode[] = ['QUALITY_BELOW_THRESHOLD', 'REVIEW_SELF'];

function printSummary(out: Output, summary: ImportSummary): void {
  const q = summary.quality;
  out.say(
    out.t(
      `批次 ${summary.batch_id}（${summary.dataset}，来源：${summary.source}）：读取 ${summary.rows} 行，接收 ${summary.accepted} 行，隔离 ${summary.quarantined} 行，重复 ${summary.duplicates} 行，更新已有记录 ${summary.versions} 行`,
      `Batch ${summary.batch_id} (${summary.dataset}, source ${summary.source}): ${summary.rows} rows read, ${summary.accepted} accepted, ${summary.quarantined} quarantined, ${summary.duplicates} duplicates, ${summary.versions} updates of existing records`,
    ),
  );
  out.say(
    out.t(
      `质量：完整性 ${q.completeness.score}，有效性 ${q.validity.score}，唯一性 ${q.uniqueness.score}，一致性 ${q.consistency.score}，及时性 ${q.timeliness.score ?? '—'}`,
      `Quality: completeness ${q.completeness.score}, validity ${q.validity.score}, uniqueness ${q.uniqueness.score}, consistency ${q.consistency.score}, timeliness ${q.timeliness.score ?? '-'}`,
    ),
  );
  const state: Record<string, [string, string]> = {
    pending: [
      '状态：待审核（须由另一位审核员审核通过后才生效）',
      'Status: pending review by another reviewer',
    ],
    approved: ['状态：已审核通过，已生效', 'Status: approved, live'],
    no_change: ['状态：无新数据（全部为重复行）', 'Status: no change (every row was a duplicate)'],
    merged: [
      `状态：修正行已并入批次 ${summary.merged_into ?? ''}`,
      `Status: fixed rows joined batch ${summary.merged_into ?? ''}`,
    ],
  };
  const mapping = summary.header_mapping;
  if (mapping) {
    out.say(
      out.t(
        `列名对照：按“${mapping.source}”保存的列名对照读取（${mapping.columns} 列；辖区 ${mapping.jurisdiction_code}，${mapping.saved_by} 于 ${mapping.saved_at} 保存）`,
        `Column names: read with the mapping saved for "${mapping.source}" (${mapping.columns} columns; jurisdiction ${mapping.jurisdiction_code}, saved by ${mapping.saved_by} at ${mapping.saved_at})`,
      ),
    );
  }
  const [zh, en] = state[summary.status] ?? [summary.status, summary.status];
  out.say(out.t(zh, en));
  if (summary.quarantined > 0) {
    out.say(
      out.t(
        `查看隔离行：jiandu quarantine ${summary.batch_id}；导出修正文件：jiandu quarantine ${summary.batch_id} --export 文件.xlsx`,
        `Quarantined rows: jiandu quarantine ${summary.batch_id}; fix file: jiandu quarantine ${summary.batch_id} --export FILE.xlsx`,
      ),
    );
  }
}

export async function importCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        source: { type: 'string' },
        approve: { type: 'boolean' },
        override: { type: 'string' },
        json: { type: 'boolean' },
        fixes: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [dataset, file] = positionals;
  if (!dataset || !file || positionals.length !== 2) {
    throw new JianduError('INVALID_ARGUMENT', { detail: 'usage: jiandu import DATASET FILE' });
  }
  // The dataset first: a wrong dataset name is the mistake to report, whatever the file.
  datasetOrFail(dataset);
  if (values.override !== undefined && !values.approve) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: { zh: '--override 须与 --approve 一起使用', en: '--override goes with --approve' },
    });
  }
  if (values.override !== undefined && values.override.trim() === '')
    throw new JianduError('REASON_REQUIRED');
  if (!fs.existsSync(file)) throw new JianduError('FILE_NOT_FOUND', { path: file });
  const fixes = values.fixes === undefined ? undefined : Number(values.fixes);
  if (fixes !== undefined && !Number.isInteger(fixes)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `--fixes ${values.fixes ?? ''}: a batch number`,
    });
  }
  const ctx = await openContext(values.db);
  try {
    const who = await resolveActor(ctx, values.as);
    if (!can(who.role, 'batches.import') || (values.approve && !can(who.role, 'batches.review'))) {
      throw new JianduError('FORBIDDEN');
    }
    const line = ProgressLine.open(process.stderr, { enabled: values.json !== true });
    const started = Date.now();
    let summary: ImportSummary;
    try {
      summary = await importFile(ctx, {
        dataset,
        filePath: file,
        actor: who.actor,
        scope: who.scope,
        ...(values.source ? { source: values.source } : {}),
        ...(fixes !== undefined ? { fixes } : {}),
        ...(line
          ? {
              onProgress: (p: ImportProgress) =>
                line.show(importProgressText(p, Date.now() - started, out.language)),
            }
          : {}),
      });
    } finally {
      line?.done();
    }
    // Why an approval was refused: every rule the batch fails, not only the first one.
    const refusals: JianduError[] = [];
    if (values.approve && summary.status === 'pending') {
      try {
        const approved = await approveBatch(
          ctx,
          who,
          summary.batch_id,
          values.override === undefined ? {} : { override: true, reason: values.override },
        );
        summary = { ...summary, status: approved.status };
      } catch (error) {
        if (!isJianduError(error) || !approvalRefusals.includes(error.code)) throw error;
        refusals.push(error);
      }
      if (refusals.length === 0) await scanAfterChange(ctx, who.actor, out, values.json === true);
    }
    if (refusals[0]?.code === 'REVIEW_SELF' && values.override === undefined) {
      const threshold = await minValidity(ctx, who.scope.code);
      const score = summary.quality.validity.score;
      if (score < threshold)
        refusals.push(
          new JianduError('QUALITY_BELOW_THRESHOLD', { batch: summary.batch_id, score, threshold }),
        );
    }
    if (refusals.length > 0) {
      const why = (language: Language): string =>
        refusals.map((r) => r.text(language)).join(language === 'en' ? '; ' : '；');
      out.warn(
        out.t(
          `未审核通过：${why('zh')}。批次 ${summary.batch_id} 保持待审核；确需通过请由另一位审核员运行 jiandu batch approve ${summary.batch_id}，或由管理员加 --override "理由"`,
          `Not approved: ${why('en')}. Batch ${summary.batch_id} stays pending; another reviewer can run jiandu batch approve ${summary.batch_id}, or an administrator can add --override "REASON"`,
        ),
      );
    }
    if (values.json)
      out.say(
        JSON.stringify(
          refusals.length > 0
            ? {
                ...summary,
                approval_refused: refusals.map((r) => ({
                  code: r.code,
                  message: r.text(out.language),
                })),
              }
            : summary,
        ),
      );
    else printSummary(out, summary);
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
