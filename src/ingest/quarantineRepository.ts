import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { QuarantineProblem } from './validateRow.js';

export interface QuarantineEntry {
  rowNumber: number;
  raw: Record<string, string>;
  problems: QuarantineProblem[];
}

export interface QuarantinedRow extends QuarantineEntry {
  id: number;
  resolvedBatchId: number | null;
}

/** Quarantined rows are kept whole, as given, with every reason: nothing is lost. */
export async function insertQuarantine(
  tx: Transaction<Database>,
  batchId: number,
  entries: readonly QuarantineEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await tx
      .insertInto('ingest_quarantine')
      .values(
        entries.slice(i, i + 500).map((e) => ({
          batch_id: batchId,
          row_number: e.rowNumber,
          raw: JSON.stringify(e.raw),
          problems: JSON.stringify(e.problems),
          resolved_batch_id: null,
        })),
      )
      .execute();
  }
}

export async function listQuarantine(
  db: Kysely<Database>,
  batchId: number,
  options: { unresolvedOnly?: boolean; limit?: number; offset?: number } = {},
): Promise<QuarantinedRow[]> {
  let query = db
    .selectFrom('ingest_quarantine')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('row_number')
    .orderBy('id');
  if (options.unresolvedOnly) query = query.where('resolved_batch_id', 'is', null);
  if (options.limit !== undefined) query = query.limit(options.limit).offset(options.offset ?? 0);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    rowNumber: r.row_number,
    raw: JSON.parse(r.raw) as Record<string, string>,
    problems: JSON.parse(r.problems) as QuarantineProblem[],
    resolvedBatchId: r.resolved_batch_id,
  }));
}

export async function countQuarantine(
  db: Kysely<Database>,
  batchId: number,
  unresolvedOnly: boolean,
): Promise<number> {
  let query = db
    .selectFrom('ingest_quarantine')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId);
  if (unresolvedOnly) query = query.where('resolved_batch_id', 'is', null);
  return (await query.executeTakeFirstOrThrow()).n;
}
