import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DatasetDefinition } from './datasetDefinition.js';

/**
 * The one place that knows how a dataset row is marked live (the approved, current version of
 * its record): every query over live rows, and every change of them, goes through here, so a
 * change to versioning touches this file only (test/liveRowsOneHelper.test.ts keeps it so).
 */

const aliasPattern = /^[a-z_][a-z0-9_]*$/;

// sql.raw of a checked alias, not sql.ref: the text stays exactly `r.live = 1`, as the partial
// indexes (`where live = 1`), docs/sql and the release digest expect, on both dialects.
function column(alias: string | undefined): string {
  if (alias === undefined) return 'live';
  if (!aliasPattern.test(alias)) throw new Error(`Not a table alias: ${JSON.stringify(alias)}`);
  return `${alias}.live`;
}

/** The condition that a row (of the table aliased `alias`, or of the only table) is live. */
export function isLive(alias?: string): RawBuilder<SqlBool> {
  return sql.raw<SqlBool>(`${column(alias)} = 1`);
}

/** The SET assignment that makes rows live (`true`) or takes them out of live data (`false`). */
export function setLive(live: boolean): RawBuilder<unknown> {
  return sql.raw(`live = ${live ? 1 : 0}`);
}

/** How many rows of a dataset are live (approved and current). */
export async function countLiveRows(
  db: Kysely<Database>,
  definition: DatasetDefinition,
): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    definition.table,
  )} where ${isLive()}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
