import { parseArgs } from 'node:util';
import { JianduError } from '../core/errors.js';
import { normaliseDivisionCode } from '../core/divisionCode.js';
import { runScan, type ScanProgress, type ScanSummary } from '../rules/runScan.js';
import { assertInScope } from '../auth/scope.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { ProgressLine, scanProgressText } from './progressBar.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const scanHelp = {
  zh: `jiandu scan [--full] [--region 区划代码] [--json]
  对生效数据运行全部启用的比对规则。默认增量比对（只复查上次比对后审核通过或撤回的批次涉及的人员）；--full 全量比对。打印新增、更新、未变、已消除的预警数。`,
  en: `jiandu scan [--full] [--region CODE] [--json]
  Runs every enabled rule over the live data (incremental by default; --full rescans all) and prints how many warnings were new, updated, unchanged and cleared.`,
};

export async function scanCommand(args: string[], out: Output): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        full: { type: 'boolean' },
        region: { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    }),
  );
  const ctx = await openContext(values.db);
  try {
    const who = await resolveActor(ctx, values.as);
    // The user's own jurisdiction by default (the whole deployment for its administrator).
    const jurisdiction = values.region ? normaliseDivisionCode(values.region) : who.scope.code;
    if (!jurisdiction) throw new JianduError('UNKNOWN_REGION', { code: values.region ?? '' });
    assertInScope(who.scope, jurisdiction);
    const line = ProgressLine.open(process.stderr, { enabled: values.json !== true });
    let summary: ScanSummary;
    try {
      summary = await runScan(ctx, {
        jurisdiction,
        kind: values.full ? 'full' : 'incremental',
        actor: who.actor,
        ...(line
          ? { onProgress: (p: ScanProgress) => line.show(scanProgressText(p, out.language), true) }
          : {}),
      });
    } finally {
      line?.done();
    }
    if (values.json) {
      out.say(JSON.stringify(summary));
    } else {
      out.say(
        out.t(
          `${summary.kind === 'full' ? '全量' : '增量'}比对完成（第 ${summary.scan_id} 次，${summary.seconds} 秒${summary.subjects === null ? '' : `，复查 ${summary.subjects} 人`}）：新增预警 ${summary.new} 条，更新 ${summary.updated} 条，未变 ${summary.unchanged} 条，已消除 ${summary.cleared} 条；现有未处理预警 ${summary.open} 条`,
          `${summary.kind} scan ${summary.scan_id} done in ${summary.seconds} s${summary.subjects === null ? '' : ` (${summary.subjects} people re-checked)`}: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.cleared} cleared; ${summary.open} open`,
        ),
      );
    }
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
