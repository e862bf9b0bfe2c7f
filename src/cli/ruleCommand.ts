import { can } from '../api/capabilities.js';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { auditedWrite } from '../audit/auditedWrite.js';
import { assertInScope } from '../auth/scope.js';
import { normaliseDivisionCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import { describeDivision } from '../jurisdiction/describeDivision.js';
import { isNationalDivision } from '../jurisdiction/nationalDivisions.js';
import { builtinRules } from '../rules/builtin/index.js';
import { holidaySetting } from '../calendar/calendarOverrides.js';
import { activeCustomRules, deactivateCustomRule, saveCustomRule } from '../rules/customRules.js';
import { ruleEnabled } from '../rules/ruleSettings.js';
import { readSetting, writeSetting } from '../settings/settingsRepository.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext, resolveActor } from './openContext.js';
import type { Output } from './output.js';

export const ruleHelp = {
  zh: `jiandu rule list [--region 区划代码]
jiandu rule add 规则.json
jiandu rule enable|disable 规则代码 [--region 区划代码]
jiandu rule params 规则代码 '{"参数": 值}' [--region 区划代码]
jiandu rule calendar 节假日.json
  列出比对规则；添加或更新自定义规则（见 docs/zh/自定义规则.md，每次保存为新版本）；在本辖区启用或停用规则、
  设置阈值和免检名单；载入本地对工作日历的调整（{"2024-10-01": false, "2024-09-29": true}；国务院公布的节假日与
  调休已内置，见 docs/zh/工作日历.md）。修改须管理员。
  --region 指定本辖区内的下级区划（如某个乡镇）：该区划的比对（jiandu scan --region）按它自己的设置运行。`,
  en: `jiandu rule list | add FILE.json | enable|disable CODE | params CODE JSON | calendar FILE.json  [--region CODE]
  Lists the rules; adds or updates a custom rule (docs/zh/自定义规则.md); enables, disables or sets the parameters of a
  rule for the jurisdiction; loads local changes to the working-day calendar (China's official holidays are built in,
  docs/zh/工作日历.md). Changes need an administrator. --region names a division inside
  the administrator's jurisdiction (a township, say): scans of it (jiandu scan --region) use its own settings.`,
};

/** Actions whose settings belong to one jurisdiction (the others are deployment-wide). */
const regional = ['list', 'enable', 'disable', 'params'];

const actions = ['list', 'add', 'enable', 'disable', 'params', 'calendar'] as const;

function regionCode(raw: string): string {
  const code = normaliseDivisionCode(raw);
  if (!code || !isNationalDivision(code))
    throw new JianduError('UNKNOWN_REGION', { code: raw.trim() });
  return code;
}

function invalid(zh: string, en: string): never {
  throw new JianduError('RULE_INVALID', { detail: { zh, en } });
}

function readJson(file: string): unknown {
  if (!fs.existsSync(file)) throw new JianduError('FILE_NOT_FOUND', { path: file });
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return invalid(`不是有效的 JSON：${String(error)}`, `not valid JSON: ${String(error)}`);
  }
}

function parseObject(text: string | undefined): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid('参数应为 JSON 对象', 'parameters: a JSON object');
  return value as Record<string, unknown>;
}

export async function ruleCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { ...commonOptions, region: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [action, argument, extra] = positionals;
  if (!action || !(actions as readonly string[]).includes(action)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `usage: jiandu rule ${actions.join(' | ')}`,
    });
  }
  if (values.region !== undefined && !regional.includes(action)) {
    throw new JianduError('USAGE', {
      detail: {
        zh: `jiandu rule ${action} 不接受 --region（自定义规则和节假日对整个部署有效）`,
        en: `jiandu rule ${action} takes no --region (custom rules and the calendar are deployment-wide)`,
      },
    });
  }
  const region = values.region === undefined ? undefined : regionCode(values.region);
  const ctx = await openContext(values.db);
  try {
    const who = await resolveActor(ctx, values.as);
    const db = ctx.handle.db;
    // The user's own jurisdiction by default, or a division inside it.
    const jurisdiction = region ?? who.scope.code;
    assertInScope(who.scope, jurisdiction);
    const where = region
      ? await describeDivision(db, region).then((d) => ({
          zh: `${d.fullName}（${d.code}）`,
          en: d.code,
        }))
      : { zh: '本辖区', en: 'this jurisdiction' };
    if (action === 'list') {
      const state = async (code: string): Promise<string> =>
        (await ruleEnabled(db, jurisdiction, code))
          ? out.t('启用', 'enabled')
          : out.t('停用', 'disabled');
      for (const rule of builtinRules) {
        out.say(
          `${rule.code}\t${rule.name[out.language]}\t${rule.severity}\t${await state(rule.code)}\t${out.t('内置', 'built-in')}`,
        );
      }
      for (const rule of await activeCustomRules(db)) {
        out.say(
          `${rule.code}\t${rule.name[out.language]}\t${rule.severity}\t${await state(rule.code)}\t${out.t('自定义', 'custom')} v${rule.version}`,
        );
      }
      return 0;
    }
    if (!can(who.role, 'rules.manage')) throw new JianduError('FORBIDDEN');
    if (!argument)
      throw new JianduError('INVALID_ARGUMENT', {
        detail: `jiandu rule ${action} needs an argument`,
      });
    if (action === 'add') {
      const saved = await auditedWrite(ctx, who.actor, (scope) =>
        saveCustomRule(scope, readJson(argument)),
      );
      out.say(
        out.t(
          `已保存自定义规则 ${saved.code}（第 ${saved.version} 版），下次比对生效`,
          `Saved custom rule ${saved.code} (version ${saved.version}); the next scan uses it`,
        ),
      );
      return 0;
    }
    if (action === 'calendar') {
      const overrides = readJson(argument);
      const valid =
        typeof overrides === 'object' &&
        overrides !== null &&
        Object.entries(overrides).every(
          ([day, working]) => /^\d{4}-\d{2}-\d{2}$/.test(day) && typeof working === 'boolean',
        );
      if (!valid)
        invalid(
          '节假日文件应形如 {"2024-10-01": false, "2024-09-29": true}',
          'calendar: {"YYYY-MM-DD": boolean}',
        );
      await auditedWrite(ctx, who.actor, (scope) => writeSetting(scope, holidaySetting, overrides));
      out.say(
        out.t(
          `已载入节假日与调休 ${Object.keys(overrides).length} 天，下次比对按新日历计算工作日`,
          `Loaded ${Object.keys(overrides).length} calendar days`,
        ),
      );
      return 0;
    }
    const code = argument.toUpperCase();
    const builtin = builtinRules.find((r) => r.code === code);
    if (action === 'params') {
      if (!builtin) throw new JianduError('NOT_FOUND', { what: code });
      const params = parseObject(extra);
      const unknown = Object.keys(params).filter((key) => !(key in builtin.params));
      if (unknown.length > 0) {
        invalid(
          `${code} 没有参数 ${unknown.join('、')}（可设：${Object.keys(builtin.params).join('、') || '无'}）`,
          `${code} has no parameter ${unknown.join(', ')}`,
        );
      }
      await auditedWrite(ctx, who.actor, (scope) =>
        writeSetting(scope, `rules.params.${code}`, params, jurisdiction),
      );
      out.say(
        out.t(
          `已设置 ${code} 在${where.zh}的参数，下次比对为全量比对`,
          `Set the parameters of ${code} for ${where.en}; the next scan is full`,
        ),
      );
      return 0;
    }
    if (builtin) {
      const current =
        (await readSetting<Record<string, boolean>>(db, 'rules.enabled', jurisdiction)) ?? {};
      const enabled = action === 'enable';
      await auditedWrite(ctx, who.actor, (scope) =>
        writeSetting(scope, 'rules.enabled', { ...current, [code]: enabled }, jurisdiction),
      );
      out.say(
        out.t(
          `已在${where.zh}${enabled ? '启用' : '停用'} ${code}`,
          `${enabled ? 'Enabled' : 'Disabled'} ${code} for ${where.en}`,
        ),
      );
      return 0;
    }
    if (action === 'enable')
      throw new JianduError('INVALID_ARGUMENT', {
        detail: 'a custom rule is enabled again with jiandu rule add',
      });
    await auditedWrite(ctx, who.actor, (scope) => deactivateCustomRule(scope, code));
    out.say(out.t(`已停用自定义规则 ${code}`, `Disabled custom rule ${code}`));
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
