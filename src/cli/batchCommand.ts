import { parseArgs } from 'node:util';
import { JianduError } from '../core/errors.js';
import {
  findVisibleBatch,
  listBatches,
  toBatchView,
  type BatchView,
} from '../ingest/batchesRepository.js';
import {
  approveBatch,
  batchStatusNames,
  rejectBatch,
  rollbackBatch,
} from '../ingest/reviewBatch.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { scanAfterChange } from './scanAfterChange.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const batchHelp = {
  zh: `jiandu batch list [--json]
jiandu batch show 批次号 [--json]
jiandu batch approve 批次号 [--override --reason 理由]
jiandu batch reject 批次号 --reason 理由
jiandu batch rollback 批次号 --reason 理由
  查看和审核导入批次（审核员；撤回已生效批次限管理员）。`,
  en: `jiandu batch list|show BATCH|approve BATCH [--override --reason R]|reject BATCH --reason R|rollback BATCH --reason R
  Lists and reviews import batches (reviewers; rollback: administrators).`,
};

function describe(out: Output, b: BatchView): string {
  const status = batchStatusNames[b.status][out.language];
  return out.t(
    `批次 ${b.id}\t${b.dataset}\t${status}\t${b.source}\t${b.fileName ?? ''}\t读取 ${b.rows} 接收 ${b.accepted} 隔离 ${b.quarantined}${b.fixed > 0 ? `（已修正 ${b.fixed}）` : ''} 重复 ${b.duplicates}\t上传 ${b.uploader} ${b.createdAt}`,
    `batch ${b.id}\t${b.dataset}\t${status}\t${b.source}\t${b.fileName ?? ''}\t${b.rows} read, ${b.accepted} accepted, ${b.quarantined} quarantined${b.fixed > 0 ? ` (${b.fixed} fixed)` : ''}, ${b.duplicates} duplicates\tby ${b.uploader} ${b.createdAt}`,
  );
}

export async function batchCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        json: { type: 'boolean' },
        override: { type: 'boolean' },
        reason: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [action, idText] = positionals;
  const actions = ['list', 'show', 'approve', 'reject', 'rollback'];
  if (!action || !actions.includes(action)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `usage: jiandu batch ${actions.join('|')}`,
    });
  }
  const id = Number(idText);
  if (action !== 'list' && !Number.isInteger(id)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `jiandu batch ${action} needs a batch number`,
    });
  }
  const ctx = await openContext(values.db);
  try {
    const reviewer = await resolveActor(ctx, values.as);
    let result: BatchView | BatchView[];
    switch (action) {
      case 'list':
        result = await listBatches(ctx.handle.db, reviewer.scope, { limit: 100 });
        break;
      case 'show': {
        const row = await findVisibleBatch(ctx.handle.db, reviewer.scope, id);
        if (!row) throw new JianduError('BATCH_NOT_FOUND', { batch: id });
        result = toBatchView(row, reviewer.scope);
        break;
      }
      case 'approve':
        result = await approveBatch(ctx, reviewer, id, {
          ...(values.override ? { override: true } : {}),
          ...(values.reason ? { reason: values.reason } : {}),
        });
        break;
      case 'reject':
        result = await rejectBatch(ctx, reviewer, id, values.reason ?? '');
        break;
      default:
        result = await rollbackBatch(ctx, reviewer, id, values.reason ?? '');
    }
    if (values.json) out.say(JSON.stringify(result));
    else for (const b of Array.isArray(result) ? result : [result]) out.say(describe(out, b));
    if (action === 'approve' || action === 'rollback')
      await scanAfterChange(ctx, reviewer.actor, out, values.json === true);
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
