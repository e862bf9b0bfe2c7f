import { can } from '../api/capabilities.js';
import { parseArgs } from 'node:util';
import { auditedWrite } from '../audit/auditedWrite.js';
import { assertInScope } from '../auth/scope.js';
import { normaliseDivisionCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import { datasetKeys, isDatasetKey, type DatasetKey } from '../ingest/datasetDefinition.js';
import {
  createExchangeCredential,
  listExchangeCredentials,
  revokeExchangeCredential,
} from '../ingest/exchangeCredentials.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const exchangeHelp = {
  zh: `jiandu exchange add 名称 --source 部门 --datasets 数据集[,数据集] [--region 区划代码]
jiandu exchange list
jiandu exchange revoke 编号
  管理部门数据交换凭证（管理员）。凭证只显示一次；部门系统以 Authorization: Bearer 凭证 调用 POST /api/exchange/数据集。`,
  en: `jiandu exchange add NAME --source DEPT --datasets KEY[,KEY] [--region CODE] | list | revoke ID
  Manages department exchange credentials (administrators). The token is shown once.`,
};

export async function exchangeCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        source: { type: 'string' },
        datasets: { type: 'string' },
        region: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [action, argument] = positionals;
  if (action !== 'add' && action !== 'list' && action !== 'revoke') {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: 'usage: jiandu exchange add | list | revoke',
    });
  }
  const ctx = await openContext(values.db);
  try {
    const who = await resolveActor(ctx, values.as);
    if (!can(who.role, 'exchange.manage')) throw new JianduError('FORBIDDEN');
    if (action === 'list') {
      for (const c of await listExchangeCredentials(ctx.handle.db, who.scope)) {
        out.say(
          `${c.id}\t${c.name}\t${c.source}\t${c.datasets.join(',')}\t${c.jurisdictionCode}\t${c.active ? out.t('有效', 'active') : out.t('已停用', 'revoked')}`,
        );
      }
      return 0;
    }
    if (action === 'revoke') {
      const id = Number(argument);
      const mine = (await listExchangeCredentials(ctx.handle.db, who.scope)).find(
        (c) => c.id === id,
      );
      if (!mine) throw new JianduError('NOT_FOUND', { what: `credential ${argument ?? ''}` });
      await auditedWrite(ctx, who.actor, (scope) => revokeExchangeCredential(scope, id));
      out.say(out.t(`已停用凭证 ${id}`, `Revoked credential ${id}`));
      return 0;
    }
    if (!argument || !values.source || !values.datasets) {
      throw new JianduError('INVALID_ARGUMENT', {
        detail: 'jiandu exchange add NAME --source DEPT --datasets KEY[,KEY]',
      });
    }
    const keys = values.datasets.split(/[,，]/).map((k) => k.trim());
    const unknown = keys.filter((k) => !isDatasetKey(k));
    if (unknown.length > 0)
      throw new JianduError('UNKNOWN_DATASET', {
        dataset: unknown.join(', '),
        known: datasetKeys.join(', '),
      });
    const code = values.region ? normaliseDivisionCode(values.region) : who.scope.code;
    if (!code) throw new JianduError('UNKNOWN_REGION', { code: values.region ?? '' });
    assertInScope(who.scope, code);
    const { credential, token } = await auditedWrite(ctx, who.actor, (scope) =>
      createExchangeCredential(scope, {
        name: argument,
        source: values.source!,
        datasets: keys as DatasetKey[],
        jurisdictionCode: code,
      }),
    );
    out.say(
      out.t(
        `已为“${credential.source}”创建凭证 ${credential.id}（可报送：${keys.join('、')}）。凭证只显示这一次：\n${token}`,
        `Created credential ${credential.id} for ${credential.source} (datasets: ${keys.join(', ')}). The token is shown only once:\n${token}`,
      ),
    );
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
