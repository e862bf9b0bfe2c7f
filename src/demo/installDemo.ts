import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { scopeOf } from '../auth/scope.js';
import { writeSetting } from '../settings/settingsRepository.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import { defaultDemoOptions, type ExpectedHit } from './demoCounty.js';
import { generateCounty } from './generateCounty.js';
import { loadCountyRows } from './loadDemoCounty.js';

const demoSetting = 'demo.loaded';

export type DemoOutcome =
  | {
      loaded: true;
      people: number;
      rows: number;
      expected: ExpectedHit[];
      nearMisses: ExpectedHit[];
      today: string;
    }
  | { loaded: false; reason: 'already' | 'has_data' };

/**
 * Loads the demo county (`jiandu init --demo`) into a database that holds no data yet, through
 * the normal import path, and pins the scans' "today" to the scenario's date so that its
 * warnings (overdue handling, R14) stay as designed. A database with real data is left alone.
 */
export async function installDemo(
  ctx: AppContext,
  admin: Actor,
  root: string,
  onDataset?: (dataset: string, rows: number) => void,
): Promise<DemoOutcome> {
  const db = ctx.handle.db;
  if (await readSetting<boolean>(db, demoSetting)) return { loaded: false, reason: 'already' };
  const batches = await db.selectFrom('ingest_batches').select('id').limit(1).execute();
  if (batches.length > 0) return { loaded: false, reason: 'has_data' };
  const county = generateCounty({ ...defaultDemoOptions, region: root });
  let rows = 0;
  await loadCountyRows(
    ctx,
    { actor: admin, scope: scopeOf(root), onDataset: (d, n) => ((rows += n), onDataset?.(d, n)) },
    county,
  );
  await auditedWrite(ctx, admin, async (scope) => {
    await writeSetting(scope, settingKeys.dataAsOf, county.today);
    await writeSetting(scope, demoSetting, true);
  });
  return {
    loaded: true,
    people: county.rows.residents?.length ?? 0,
    rows,
    expected: county.expected,
    nearMisses: county.nearMisses,
    today: county.today,
  };
}
