import { parseArgs } from 'node:util';
import { systemActor } from '../audit/actor.js';
import { createAdministrator, builtInAdministrator } from '../auth/createAdministrator.js';
import { writeOneTimePasswordFile } from '../auth/oneTimePasswordFile.js';
import { nationalCode, normaliseDivisionCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import { migrateToLatest } from '../db/migrate.js';
import { divisionFullName } from '../jurisdiction/divisionsRepository.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { isNationalDivision } from '../jurisdiction/nationalDivisions.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { loadDemo } from './initDemo.js';
import { oneTimePasswordNotice } from './oneTimePasswordNotice.js';
import { openContext } from './openContext.js';
import type { Output } from './output.js';

/** The county a new deployment serves when `--region` is not given. */
export const defaultRegion = '431226';

export const initHelp = {
  zh: `jiandu init [--region 代码] [--demo] [--db 文件]
  创建或升级数据库，载入辖区的区划（默认 ${defaultRegion}；all 为全国），创建内置管理员 admin 并打印其一次性密码。
  --demo 在尚无数据的库中载入演示县（约 3000 人，含各类注入的违规线索）并完成一次全量比对。`,
  en: `jiandu init [--region CODE] [--demo] [--db FILE]
  Creates or migrates the database, loads the jurisdiction's divisions (default ${defaultRegion}; "all" for the
  whole country), creates the built-in administrator "admin" and prints its one-time password.
  --demo loads a generated demo county (about 3,000 people, with injected violations) into a database without
  data, and runs a full scan.`,
};

function parseRegion(raw: string): string {
  if (['all', 'cn', '0', '000000'].includes(raw.trim().toLowerCase())) return nationalCode;
  const code = normaliseDivisionCode(raw);
  if (!code || !isNationalDivision(code))
    throw new JianduError('UNKNOWN_REGION', { code: raw.trim() });
  return code;
}

export async function initCommand(args: string[], out: Output): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { ...commonOptions, region: { type: 'string' }, demo: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    }),
  );
  const requested = values.region === undefined ? undefined : parseRegion(values.region);
  const ctx = await openContext(values.db, { create: true });
  try {
    const applied = await migrateToLatest(ctx.handle);
    out.say(
      out.t(
        `数据库：${ctx.handle.label}（${ctx.handle.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}），执行迁移 ${applied.length} 项`,
        `Database: ${ctx.handle.label} (${ctx.handle.dialect}), ${applied.length} migration(s) applied`,
      ),
    );
    let root = await readSetting<string>(ctx.handle.db, settingKeys.rootJurisdiction);
    if (root === undefined || (requested !== undefined && requested !== root)) {
      const result = await loadJurisdiction(
        ctx,
        systemActor,
        requested ?? parseRegion(defaultRegion),
      );
      root = result.root;
      out.say(out.t(`已载入区划 ${result.divisions} 个`, `Loaded ${result.divisions} divisions`));
    }
    const name =
      root === nationalCode
        ? out.t('全国', 'the whole country')
        : await divisionFullName(ctx.handle.db, root);
    out.say(out.t(`辖区：${name}（${root}）`, `Jurisdiction: ${name} (${root})`));
    const password = await createAdministrator(ctx, root);
    if (values.demo) await loadDemo(ctx, root, out);
    if (password) {
      const file = writeOneTimePasswordFile(ctx, password);
      out.say(
        out.t(
          `已创建内置管理员 ${builtInAdministrator}：`,
          `Created the built-in administrator "${builtInAdministrator}":`,
        ),
      );
      // Last, so that nothing scrolls it away.
      out.say(oneTimePasswordNotice(out, builtInAdministrator, password, file));
    } else {
      out.say(
        out.t(
          `管理员 ${builtInAdministrator} 已存在（忘记密码时运行：jiandu user reset-password ${builtInAdministrator}）`,
          `The administrator "${builtInAdministrator}" exists (forgot the password? jiandu user reset-password ${builtInAdministrator})`,
        ),
      );
    }
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
