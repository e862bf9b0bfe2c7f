import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { RetryLater } from '../jobs/jobTask.js';
import { runJobNow } from '../jobs/jobWorker.js';
import { jobTasks } from '../jobTasks.js';
import type { ScanProgress, ScanSummary } from '../rules/runScan.js';
import { requestScan } from '../rules/scanQueue.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import type { Output } from './output.js';
import { ProgressLine, scanProgressText } from './progressBar.js';

/**
 * A new approved (or rolled back) batch triggers an incremental scan of the deployment. It
 * is queued as a job, as the console's are, and run here at once; when it cannot be (a
 * scan of the deployment is running, in a server or another command), it stays queued and
 * a server's worker runs it after that scan, or the next command or server start does.
 */
export async function scanAfterChange(
  ctx: AppContext,
  actor: Actor,
  out: Output,
  quiet: boolean,
): Promise<void> {
  const root = await readSetting<string>(ctx.handle.db, settingKeys.rootJurisdiction);
  if (!root) return;
  const job = await requestScan(ctx, root, 'incremental', actor);
  const line = ProgressLine.open(process.stderr, { enabled: !quiet });
  const outcome = await runJobNow(ctx, jobTasks, job.id, {
    ...(line
      ? {
          onProgress: (p: unknown) =>
            line.show(scanProgressText(p as ScanProgress, out.language), true),
        }
      : {}),
  }).finally(() => line?.done());
  if (outcome?.end === 'done') {
    const summary = outcome.result as ScanSummary;
    if (!quiet) {
      out.say(
        out.t(
          `已自动进行${summary.kind === 'full' ? '全量' : '增量'}比对：新增预警 ${summary.new} 条，更新 ${summary.updated} 条，已消除 ${summary.cleared} 条`,
          `Scanned (${summary.kind}): ${summary.new} new, ${summary.updated} updated, ${summary.cleared} cleared warnings`,
        ),
      );
    }
    return;
  }
  // A scan's own error is the command's, as when it ran without a job (a worker tries again).
  if (outcome?.error instanceof Error && !(outcome.error instanceof RetryLater)) {
    throw outcome.error;
  }
  if (!quiet)
    out.say(
      out.t(
        '另一比对正在进行，本批次将在下一次比对中复查',
        'A scan is running; the next one will include this batch',
      ),
    );
}
