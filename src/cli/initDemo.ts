import type { AppContext } from '../appContext.js';
import { builtInAdministrator } from '../auth/createAdministrator.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { installDemo } from '../demo/installDemo.js';
import { runScan } from '../rules/runScan.js';
import type { Output } from './output.js';

/** `jiandu init --demo`: the demo county and its first scan, so the first screen shows warnings. */
export async function loadDemo(ctx: AppContext, root: string, out: Output): Promise<void> {
  const admin = await findUserByUsername(ctx.handle.db, builtInAdministrator);
  if (!admin) return;
  const actor = { id: admin.id, name: admin.username };
  const outcome = await installDemo(ctx, actor, root);
  if (!outcome.loaded) {
    out.say(
      outcome.reason === 'already'
        ? out.t('演示数据已载入过', 'The demo county is already loaded')
        : out.t(
            '数据库中已有导入的数据，不载入演示数据',
            'The database holds imported data; the demo county is not loaded',
          ),
    );
    return;
  }
  out.say(
    out.t(
      `已载入演示县：${outcome.people} 人，共 ${outcome.rows} 条记录（按 ${outcome.today} 为“今天”比对）`,
      `Loaded the demo county: ${outcome.people} people, ${outcome.rows} records (scans take ${outcome.today} as today)`,
    ),
  );
  const summary = await runScan(ctx, { jurisdiction: root, kind: 'full', actor });
  out.say(
    out.t(`全量比对完成：预警 ${summary.open} 条`, `Full scan done: ${summary.open} warnings`),
  );
}
