import { sql } from 'kysely';
import type { DbHandle } from './openDatabase.js';

/** Dead rows below which a table is left alone (vacuuming it would cost more than it saves). */
const vacuumMinDeadRows = 10_000;
/** Share of a table's rows that must be dead before it is vacuumed (autovacuum's default). */
const vacuumDeadShare = 0.2;

/**
 * PostgreSQL keeps the old version of every updated row until VACUUM removes it. Approving a
 * batch rewrites each of its rows (`live` 0 → 1) and the versions it replaces, a rollback
 * the same: a county's first payments batch leaves millions of dead rows, which every later
 * read of the table steps over and (the first time) marks, writing each page again. Autovacuum
 * would clean up some time later, if it is on (it is off on some servers). So after a review
 * has rewritten a large share of a table, the table is vacuumed and its statistics refreshed
 * at once, and the first scan after loading reads a clean table.
 *
 * `rewritten` is how many rows the review just made dead; the statistics' count of earlier
 * dead rows is added to it (it lags by up to some seconds, so it may still count rows a
 * vacuum has removed: at worst a table is vacuumed once more than it needed). SQLite
 * updates rows in place: nothing to do. The review waits for the vacuum. Returns whether the
 * table was vacuumed.
 */
export async function vacuumAfterRewrite(
  handle: DbHandle,
  table: string,
  rewritten: number,
): Promise<boolean> {
  if (handle.dialect !== 'postgres' || rewritten <= 0) return false;
  const stats = await sql<{ rows: number; dead: number }>`
    select greatest(c.reltuples, 0)::bigint as rows, coalesce(s.n_dead_tup, 0)::bigint as dead
    from pg_class c left join pg_stat_user_tables s on s.relid = c.oid
    where c.oid = to_regclass(${table})`.execute(handle.db);
  const row = stats.rows[0];
  if (!row) return false;
  const dead = row.dead + rewritten;
  if (dead < Math.max(vacuumMinDeadRows, vacuumDeadShare * row.rows)) return false;
  // VACUUM cannot run inside a transaction: a statement of its own on a pooled connection.
  // The review has committed: a vacuum that fails is reported to the operator, not to the
  // reviewer (autovacuum or the next large review will clean up).
  try {
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(handle.db);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`jiandu: vacuum of ${table} after a review failed: ${reason}\n`);
    return false;
  }
}
