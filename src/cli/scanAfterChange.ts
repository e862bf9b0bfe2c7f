import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { isJianduError } from '../core/errors.js';
import { runScan, type ScanProgress, type ScanSummary } from '../rules/runScan.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import type { Output } from './output.js';
import { ProgressLine, scanProgressText } from './progressBar.js';

/** A new approved (or rolled back) batch triggers an incremental scan of the deployment. */
export async function scanAfterChange(
  ctx: AppContext,
  actor: Actor,
  out: Output,
  quiet: boolean,
): Promise<void> {
  const root = await readSetting<string>(ctx.handle.db, settingKeys.rootJurisdiction);
  if (!root) return;
  const line = ProgressLine.open(process.stderr, { enabled: !quiet });
  try {
    let summary: ScanSummary;
    try {
      summary = await runScan(ctx, {
        jurisdiction: root,
        kind: 'incremental',
        actor,
        ...(line
          ? { onProgress: (p: ScanProgress) => line.show(scanProgressText(p, out.language), true) }
          : {}),
      });
    } finally {
      line?.done();
    }
    if (!quiet) {
      out.say(
        out.t(
          `已自动进行${summary.kind === 'full' ? '全量' : '增量'}比对：新增预警 ${summary.new} 条，更新 ${summary.updated} 条，已消除 ${summary.cleared} 条`,
          `Scanned (${summary.kind}): ${summary.new} new, ${summary.updated} updated, ${summary.cleared} cleared warnings`,
        ),
      );
    }
  } catch (error) {
    if (isJianduError(error) && error.code === 'SCAN_RUNNING') {
      if (!quiet)
        out.say(
          out.t(
            '另一比对正在进行，本批次将在下一次比对中复查',
            'A scan is running; the next one will include this batch',
          ),
        );
      return;
    }
    throw error;
  }
}
