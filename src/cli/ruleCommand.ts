import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { auditedWrite } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import { builtinRules } from '../rules/builtin/index.js';
import { activeCustomRules, deactivateCustomRule, saveCustomRule } from '../rules/customRules.js';
import { ruleEnabled } from '../rules/ruleSettings.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const ruleHelp = {
  zh: `jiandu rule list
jiandu rule add 规则.json
jiandu rule disable 规则代码
  列出比对规则；添加或更新自定义规则（见 docs/zh/自定义规则.md，每次保存为新版本）；停用自定义规则（管理员）。`,
  en: `jiandu rule list | add FILE.json | disable CODE
  Lists the rules; adds or updates a custom rule (docs/zh/自定义规则.md; each save is a new version); disables a custom rule (administrators).`,
};

export async function ruleCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({ args, options: { ...commonOptions }, allowPositionals: true, strict: true }),
  );
  const [action, argument] = positionals;
  if (action !== 'list' && action !== 'add' && action !== 'disable') {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: 'usage: jiandu rule list | add FILE | disable CODE',
    });
  }
  const ctx = await openContext(values.db);
  try {
    const who = await resolveActor(ctx, values.as);
    const db = ctx.handle.db;
    if (action === 'list') {
      for (const rule of builtinRules) {
        const on = await ruleEnabled(db, who.scope.code, rule.code);
        out.say(
          `${rule.code}\t${rule.name[out.language]}\t${rule.severity}\t${on ? out.t('启用', 'enabled') : out.t('停用', 'disabled')}\t${out.t('内置', 'built-in')}`,
        );
      }
      for (const rule of await activeCustomRules(db)) {
        const on = await ruleEnabled(db, who.scope.code, rule.code);
        out.say(
          `${rule.code}\t${rule.name[out.language]}\t${rule.severity}\t${on ? out.t('启用', 'enabled') : out.t('停用', 'disabled')}\t${out.t('自定义', 'custom')} v${rule.version}`,
        );
      }
      return 0;
    }
    if (who.role !== 'admin') throw new JianduError('FORBIDDEN');
    if (!argument)
      throw new JianduError('INVALID_ARGUMENT', {
        detail: `jiandu rule ${action} needs an argument`,
      });
    if (action === 'add') {
      if (!fs.existsSync(argument)) throw new JianduError('FILE_NOT_FOUND', { path: argument });
      let input: unknown;
      try {
        input = JSON.parse(fs.readFileSync(argument, 'utf8'));
      } catch (error) {
        throw new JianduError('RULE_INVALID', {
          detail: {
            zh: `不是有效的 JSON：${String(error)}`,
            en: `not valid JSON: ${String(error)}`,
          },
        });
      }
      const saved = await auditedWrite(ctx, who.actor, (scope) => saveCustomRule(scope, input));
      out.say(
        out.t(
          `已保存自定义规则 ${saved.code}（第 ${saved.version} 版），下次比对生效`,
          `Saved custom rule ${saved.code} (version ${saved.version}); the next scan uses it`,
        ),
      );
      return 0;
    }
    await auditedWrite(ctx, who.actor, (scope) => deactivateCustomRule(scope, argument));
    out.say(out.t(`已停用自定义规则 ${argument}`, `Disabled custom rule ${argument}`));
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
