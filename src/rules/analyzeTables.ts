import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { refreshPlannerStatistics } from '../ingest/plannerStatistics.js';
import { readSetting } from '../settings/settingsRepository.js';

const complaintsSetting = 'scan.complaints_analyzed';

/**
 * Before a scan, full or incremental, the planner's statistics of every table the rules read
 * must describe the data: the dataset tables that changed by more than a tenth since they
 * were analysed (ingest/plannerStatistics.ts), and the complaints R15 reads, which arrive
 * from the portal rather than in batches.
 */
export async function refreshScanStatistics(ctx: AppContext): Promise<void> {
  await refreshPlannerStatistics(ctx);
  const db = ctx.handle.db;
  const count = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = Number(count.n);
  const last = await readSetting<number>(db, complaintsSetting);
  if (last !== undefined && Math.abs(rows - last) <= 0.1 * last + 100 && (last > 0 || rows === 0))
    return;
  await auditedWrite(ctx, systemActor, async ({ tx, audit }) => {
    await sql`analyze complaints`.execute(tx);
    const now = new Date().toISOString();
    const value = JSON.stringify(rows);
    await tx
      .insertInto('settings')
      .values({ key: complaintsSetting, jurisdiction_code: '', value, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['key', 'jurisdiction_code']).doUpdateSet({ value, updated_at: now }),
      )
      .execute();
    await audit({
      action: 'statistics.refresh',
      entity: 'statistics',
      ids: ['complaints'],
      after: { rows },
    });
  });
}
