import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DatasetDefinition } from './datasetDefinition.js';

/** How many rows of a dataset are live (approved and current). */
export async function countLiveRows(
  db: Kysely<Database>,
  definition: DatasetDefinition,
): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    definition.table,
  )} where live = 1`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
