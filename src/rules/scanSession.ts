import os from 'node:os';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import type { WriteTx } from '../audit/auditedWrite.js';

/**
 * PostgreSQL settings for a scan's transactions: sorts and hashes of a county's payments fit in
 * memory; no parallel workers (each would rebuild the same hash of every payment); index reads
 * priced for data in memory or on SSD. An incremental scan's rules start from the few
 * re-checked people and reach the rest through indexes, so they run without hash or merge
 * joins: the planner cannot see how few rows its conditions leave and would read every
 * resident or vehicle instead. Measurements: docs/performance.md.
 */
export async function scanSessionSettings(
  tx: WriteTx,
  options: { incremental: boolean } = { incremental: false },
): Promise<void> {
  await sql`set local work_mem = '256MB'`.execute(tx);
  await sql`set local max_parallel_workers_per_gather = 0`.execute(tx);
  await sql`set local random_page_cost = 1.1`.execute(tx);
  if (options.incremental) {
    await sql`set local enable_hashjoin = off`.execute(tx);
    await sql`set local enable_mergejoin = off`.execute(tx);
  }
}

/**
 * How many rules run at once. On PostgreSQL each rule is a statement on a connection of its
 * own, so the rules share the machine's cores; SQLite has one connection: one rule at a time.
 * Each rule's transaction takes the lock on the scan's row and on the audit chain's head only
 * at its end, so the lanes wait on each other only for a moment.
 */
export function ruleLanes(ctx: AppContext): number {
  if (ctx.handle.dialect !== 'postgres') return 1;
  if (ctx.config.scanLanes > 0) return ctx.config.scanLanes;
  return Math.min(os.availableParallelism(), 4);
}
