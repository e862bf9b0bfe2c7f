import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite, type WriteTx } from '../audit/auditedWrite.js';
import { readSetting } from '../settings/settingsRepository.js';
import { datasetKeys, type DatasetKey } from './datasetDefinition.js';
import { datasets } from './datasets/index.js';

/**
 * The query planners choose joins from their statistics of each table, which describe the
 * table as it was when last analysed. A table analysed while empty and then given a county's
 * payments is still "empty" to SQLite's planner, which then scans what it should look up (a
 * first load's automatic scan ran for half an hour in one rule). So the statistics follow the
 * data: after a review, and before every scan, each dataset table whose live rows changed by
 * more than a tenth since its statistics were taken is analysed again.
 */

const statisticsSetting = 'ingest.statistics';

/** When a table was last analysed: the review sequence then, and its live rows (estimated). */
interface TableStatistics {
  seq: number;
  rows: number;
}

/** Share of a table's rows that must change before it is analysed again (as autovacuum). */
const changedShare = 0.1;
/** Changes below this never trigger a refresh of a table that has statistics of data. */
const changedMinimum = 100;

/** The tables a dataset fills (a business's people are rows of their own). */
function tablesOf(dataset: DatasetKey): string[] {
  const table = datasets[dataset].table;
  return dataset === 'businesses' ? [table, 'ds_business_people'] : [table];
}

async function analyze(tx: WriteTx, dialect: string, tables: readonly string[]): Promise<void> {
  if (dialect === 'sqlite') {
    // Sampled: the planner needs rows per key roughly, not exactly (a full ANALYZE reads
    // every index, seconds at millions of payments).
    await sql`pragma analysis_limit = 5000`.execute(tx);
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(tx);
    await sql`pragma analysis_limit = 0`.execute(tx);
  } else {
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(tx);
  }
}

export interface RefreshOptions {
  /** Only this dataset's tables (after its review); every dataset by default. */
  dataset?: DatasetKey;
  /** The dataset's table was analysed just now (PostgreSQL's vacuum after a large review). */
  analysedAlready?: boolean;
}

/**
 * Analyses the dataset tables whose statistics no longer describe their data; returns the
 * tables analysed. Changes are counted from the batches approved or rolled back since (their
 * accepted rows), so deciding costs one small query however large the tables are.
 */
export async function refreshPlannerStatistics(
  ctx: AppContext,
  options: RefreshOptions = {},
): Promise<string[]> {
  const db = ctx.handle.db;
  const known = (await readSetting<Record<string, TableStatistics>>(db, statisticsSetting)) ?? {};
  const keys = options.dataset ? [options.dataset] : [...datasetKeys];
  const batches = await db
    .selectFrom('ingest_batches')
    .select(['dataset', 'status', 'approved_seq', 'accepted', 'versions'])
    .where('dataset', 'in', keys)
    .where('status', 'in', ['approved', 'rolled_back'])
    .execute();
  const seqNow = batches.reduce((max, b) => Math.max(max, b.approved_seq ?? 0), 0);
  const stale: DatasetKey[] = [];
  const next: Record<string, TableStatistics> = { ...known };
  for (const dataset of keys) {
    const own = batches.filter((b) => b.dataset === dataset);
    const rows = own
      .filter((b) => b.status === 'approved')
      .reduce((sum, b) => sum + Math.max(0, b.accepted - b.versions), 0);
    const last = known[dataset];
    const changed = own
      .filter((b) => (b.approved_seq ?? 0) > (last?.seq ?? -1))
      .reduce((sum, b) => sum + b.accepted, 0);
    const outdated = last
      ? last.rows === 0
        ? changed > 0
        : changed > changedShare * last.rows + changedMinimum
      : rows > 0 || changed > 0;
    if (!outdated) continue;
    next[dataset] = { seq: seqNow, rows };
    stale.push(dataset);
  }
  if (stale.length === 0) return [];
  const tables = stale.flatMap(tablesOf);
  const done = options.analysedAlready && options.dataset ? datasets[options.dataset].table : null;
  await auditedWrite(ctx, systemActor, async ({ tx, audit }) => {
    const left = tables.filter((t) => t !== done);
    if (left.length > 0) await analyze(tx, ctx.handle.dialect, left);
    const value = JSON.stringify(next);
    const now = new Date().toISOString();
    await tx
      .insertInto('settings')
      .values({ key: statisticsSetting, jurisdiction_code: '', value, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['key', 'jurisdiction_code']).doUpdateSet({ value, updated_at: now }),
      )
      .execute();
    await audit({
      action: 'statistics.refresh',
      entity: 'statistics',
      ids: tables,
      after: Object.fromEntries(stale.map((d) => [d, next[d]])),
    });
  });
  return tables;
}
