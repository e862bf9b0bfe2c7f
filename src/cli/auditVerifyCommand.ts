import { parseArgs } from 'node:util';
import { auditBreakText, verifyAuditChain } from '../audit/verifyAuditChain.js';
import { JianduError } from '../core/errors.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext } from './openContext.js';
import type { Output } from './output.js';

export const auditHelp = {
  zh: 'jiandu audit verify [--json]\n  重新计算整条审计链；完整时退出码 0，断裂时指出第一条出问题的记录并以退出码 3 退出。',
  en: 'jiandu audit verify [--json]\n  Recomputes the whole audit trail; exit 0 when intact, 3 naming the first broken entry.',
};

export async function auditCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { ...commonOptions, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals[0] !== 'verify' || positionals.length !== 1) {
    throw new JianduError('INVALID_ARGUMENT', { detail: 'usage: jiandu audit verify' });
  }
  const ctx = await openContext(values.db);
  try {
    const result = await verifyAuditChain(ctx.handle.db);
    if (values.json) {
      out.say(JSON.stringify(result));
    } else if (result.ok) {
      const head = await ctx.handle.db.selectFrom('audit_head').select('hash').executeTakeFirst();
      out.say(
        out.t(
          `审计链完整：共 ${result.entries} 条记录，链头哈希 ${head?.hash ?? '-'}`,
          `The audit trail is intact: ${result.entries} entries, head hash ${head?.hash ?? '-'}`,
        ),
      );
    }
    if (!result.ok && result.firstBreak) {
      const error = new JianduError('AUDIT_BROKEN', {
        seq: result.firstBreak.seq,
        detail: auditBreakText[result.firstBreak.kind][out.language],
      });
      out.warn(error.text(out.language));
      return error.exitCode;
    }
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
