import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { QualityReport } from '../api/quality.js';
import { lastDayOfMonth } from '../core/dates.js';
import type { Database } from '../db/schema.js';
import type { DatasetDefinition } from './datasetDefinition.js';
import { columnOf } from './datasetDefinition.js';
import { formulaNoteCode } from './validateRow.js';
import { isLive } from './liveRows.js';

/** The report's shape is the API's (src/api/quality.ts). */
export type { QualityReport };

export function percent(part: number, whole: number): number {
  if (whole <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((part / whole) * 100)));
}

/** 100 while the newest record is at most a month old, falling to 0 at a year. */
export function timelinessScore(
  newest: string | null,
  today: string,
): { score: number | null; ageDays: number | null } {
  if (newest === null) return { score: null, ageDays: null };
  const date = newest.length === 7 ? lastDayOfMonth(newest) : newest;
  const ageDays = Math.max(
    0,
    Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000),
  );
  if (ageDays <= 31) return { score: 100, ageDays };
  if (ageDays >= 365) return { score: 0, ageDays };
  return { score: Math.round(100 - ((ageDays - 31) / (365 - 31)) * 100), ageDays };
}

type Live = 'batch' | 'live';

function rowsOf(where: { kind: Live; batchId?: number }): RawBuilder<unknown> {
  return where.kind === 'batch' ? sql`t.batch_id = ${where.batchId}` : isLive('t');
}

/**
 * Checks of a dataset against others (payments to people not in the registry…) and the
 * quality warnings stored on single rows, counted in one pass over the rows of one batch or
 * over the live rows. A check against another dataset runs only when that dataset has live
 * rows: without a registry nobody is "missing" from it.
 */
async function consistency(
  db: Kysely<Database>,
  definition: DatasetDefinition,
  where: { kind: Live; batchId?: number },
): Promise<{ checks: Record<string, number>; inconsistent: number }> {
  const hasLive = async (other: string): Promise<boolean> => {
    const found = await sql<{
      one: number;
    }>`select 1 as one from ${sql.table(other)} where ${isLive()} limit 1`.execute(db);
    return found.rows.length > 0;
  };
  const notInRegistry = (column: string): RawBuilder<unknown> =>
    sql`not exists (select 1 from ds_residents r where ${isLive('r')} and r.id_number = ${sql.ref(`t.${column}`)})`;
  const conditions: { name: string; condition: RawBuilder<unknown> }[] = [
    { name: 'row_warnings', condition: sql`t.issues is not null` },
    // Free text a spreadsheet would run as a formula (one of the row warnings, named apart).
    {
      name: 'formula_text',
      condition: sql`t.issues like ${`%"code":"${formulaNoteCode}"%`}`,
    },
  ];
  if (definition.key === 'disbursements') {
    if (await hasLive('ds_residents'))
      conditions.push({ name: 'not_in_registry', condition: notInRegistry('id_number') });
    if (await hasLive('ds_programs')) {
      conditions.push({
        name: 'unknown_program',
        condition: sql`not exists (select 1 from ds_programs p where ${isLive('p')} and p.program_code = t.program_code)`,
      });
    }
  }
  if (definition.key === 'deaths' && (await hasLive('ds_residents'))) {
    conditions.push({ name: 'not_in_registry', condition: notInRegistry('id_number') });
  }
  if (definition.key === 'relations' && (await hasLive('ds_officials'))) {
    conditions.push({
      name: 'official_unknown',
      condition: sql`not exists (select 1 from ds_officials o where ${isLive('o')} and o.id_number = t.official_id_number)`,
    });
  }
  const failsAny = sql.join(
    conditions.map((c) => sql`(${c.condition})`),
    sql` or `,
  );
  const result = await sql<Record<string, number | null>>`select ${sql.join(
    conditions.map(
      (c, i) => sql`sum(case when ${c.condition} then 1 else 0 end) as ${sql.ref(`c${i}`)}`,
    ),
  )}, sum(case when ${failsAny} then 1 else 0 end) as total from ${sql.table(definition.table)} t where ${rowsOf(where)}`.execute(
    db,
  );
  const row = result.rows[0] ?? {};
  const checks: Record<string, number> = {};
  conditions.forEach((c, i) => {
    const n = row[`c${i}`] ?? 0;
    if (n > 0) checks[c.name] = n;
  });
  return { checks, inconsistent: row.total ?? 0 };
}

export async function newestValue(
  db: Kysely<Database>,
  definition: DatasetDefinition,
  where: { kind: Live; batchId?: number },
): Promise<string | null> {
  if (!definition.freshnessField) return null;
  const field = definition.fields.find((f) => f.key === definition.freshnessField);
  if (!field) return null;
  const result = await sql<{
    newest: string | null;
  }>`select max(${sql.ref(columnOf(field))}) as newest from ${sql.table(
    definition.table,
  )} t where ${rowsOf(where)}`.execute(db);
  return result.rows[0]?.newest ?? null;
}

export interface BatchCounters {
  rowsRead: number;
  /** Rows that passed validation (before duplicates were removed). */
  valid: number;
  /** Rows repeated inside the file (identical, or the same record twice). */
  repeated: number;
  filled: number;
}

/** The quality report of one batch, after its rows are in place. */
export async function batchQuality(
  db: Kysely<Database>,
  definition: DatasetDefinition,
  batchId: number,
  counters: BatchCounters,
  accepted: number,
  today: string,
): Promise<QualityReport> {
  const where = { kind: 'batch' as const, batchId };
  const { checks, inconsistent } =
    accepted > 0 ? await consistency(db, definition, where) : { checks: {}, inconsistent: 0 };
  const newest = accepted > 0 ? await newestValue(db, definition, where) : null;
  const expected = counters.valid * definition.fields.length;
  return {
    completeness: { score: percent(counters.filled, expected), filled: counters.filled, expected },
    validity: {
      score: percent(counters.valid, counters.rowsRead),
      valid: counters.valid,
      rows: counters.rowsRead,
    },
    uniqueness: {
      score: percent(counters.rowsRead - counters.repeated, counters.rowsRead),
      repeated: counters.repeated,
      rows: counters.rowsRead,
    },
    consistency: {
      score: percent(accepted - inconsistent, accepted),
      inconsistent,
      rows: accepted,
      checks,
    },
    timeliness: { ...timelinessScore(newest, today), newest },
  };
}

/** The quality of a dataset's live rows, with validity and uniqueness from its approved batches. */
export async function datasetQuality(
  db: Kysely<Database>,
  definition: DatasetDefinition,
  today: string,
): Promise<QualityReport> {
  const table = sql.table(definition.table);
  const filledExpressions = definition.fields.map((f) => sql`count(${sql.ref(columnOf(f))})`);
  const counts = await sql<Record<string, number>>`select count(*) as n, ${sql.join(
    filledExpressions.map((e, i) => sql`${e} as ${sql.ref(`f${i}`)}`),
  )} from ${table} where ${isLive()}`.execute(db);
  const first = counts.rows[0] ?? {};
  const rows = first.n ?? 0;
  const filled = definition.fields.reduce((sum, _f, i) => sum + (first[`f${i}`] ?? 0), 0);
  const batches = await db
    .selectFrom('ingest_batches')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('rows_read'), eb.lit(0)).as('rows'),
      eb.fn.coalesce(eb.fn.sum<number>('accepted'), eb.lit(0)).as('accepted'),
      eb.fn.coalesce(eb.fn.sum<number>('quarantined'), eb.lit(0)).as('quarantined'),
      eb.fn.coalesce(eb.fn.sum<number>('duplicates'), eb.lit(0)).as('duplicates'),
    ])
    .where('dataset', '=', definition.key)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  const read = batches.rows;
  const valid = read - batches.quarantined;
  const where = { kind: 'live' as const };
  const { checks, inconsistent } =
    rows > 0 ? await consistency(db, definition, where) : { checks: {}, inconsistent: 0 };
  const newest = rows > 0 ? await newestValue(db, definition, where) : null;
  const expected = rows * definition.fields.length;
  return {
    completeness: { score: percent(filled, expected), filled, expected },
    validity: { score: percent(valid, read), valid, rows: read },
    uniqueness: {
      score: percent(read - batches.duplicates, read),
      repeated: batches.duplicates,
      rows: read,
    },
    consistency: { score: percent(rows - inconsistent, rows), inconsistent, rows, checks },
    timeliness: { ...timelinessScore(newest, today), newest },
  };
}

/** The minimum validity score a batch needs to be approved without an override (setting). */
export const defaultMinValidity = 90;
