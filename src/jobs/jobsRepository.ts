import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { WriteScope, WriteTx } from '../audit/auditedWrite.js';
import type { DbHandle } from '../db/openDatabase.js';
import type { Database } from '../db/schema.js';
import type { JobError } from './jobTask.js';
import type { JobTable } from './jobsTables.js';

/**
 * Queueing a job is a business write (someone asked for work to be done): it goes through
 * auditedWrite. What a worker writes afterwards (claims, lease renewals, progress, the end
 * state) is the runner's own bookkeeping: the work's effects are audited by the work itself
 * (`batch.*`, `scan.*`), and an audit entry per renewal would fill the chain with noise and
 * make every worker wait on its head. Those writes take the database, not a WriteTx.
 */

type Db = Kysely<Database>;

export interface NewJob {
  kind: string;
  payload: unknown;
  maxAttempts: number;
  /** Set by the caller when the id must be known before the row exists. */
  id?: string;
  serialKey?: string | null;
  ownerId?: number | null;
  jurisdictionCode?: string | null;
  /** What the audit entry says of the job besides its kind. */
  summary?: Record<string, unknown>;
}

function nowIso(): string {
  return new Date().toISOString();
}

function later(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

function newJobRow(job: NewJob): JobTable {
  const now = nowIso();
  return {
    id: job.id ?? crypto.randomUUID(),
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    state: 'queued',
    attempts: 0,
    max_attempts: job.maxAttempts,
    run_after: now,
    lease_owner: null,
    lease_expires_at: null,
    serial_key: job.serialKey ?? null,
    owner_id: job.ownerId ?? null,
    jurisdiction_code: job.jurisdictionCode ?? null,
    created_at: now,
    updated_at: now,
    finished_at: null,
    error: null,
    progress: null,
    result: null,
  };
}

export async function insertJob({ tx, audit }: WriteScope, job: NewJob): Promise<JobTable> {
  const row = newJobRow(job);

  await tx.insertInto('jobs').values(row).execute();
  await audit({
    action: 'job.queue',
    entity: 'job',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: { kind: row.kind, ...job.summary },
  });
  return row;
}

/**
 * Inserts a job whose id says what it is for (e.g. one deadline check per day and hour), or
 * nothing when a job of that id exists already, whatever its state: null then. Safe when two
 * processes try at once: the loser's insert does nothing.
 */
export async function insertJobOnce(
  { tx, audit }: WriteScope,
  job: NewJob & { id: string },
): Promise<JobTable | null> {
  const row = newJobRow(job);

  const inserted = await tx
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  await audit({
    action: 'job.queue',
    entity: 'job',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: { kind: row.kind, ...job.summary },
  });
  return row;
}

/** The queued (not yet running) job of a kind and key, if any: a new request may join it. */
export async function findQueuedJob(
  tx: WriteTx,
  kind: string,
  serialKey: string,
): Promise<JobTable | undefined> {
  return tx
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where('serial_key', '=', serialKey)
    .where('state', '=', 'queued')
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function replaceQueuedPayload(
  tx: WriteTx,
  id: string,
  payload: unknown,
): Promise<boolean> {
  const result = await tx
    .updateTable('jobs')
    .set({ payload: JSON.stringify(payload), updated_at: nowIso() })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findJob(db: Db, id: string): Promise<JobTable | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Jobs of a kind still to finish (queued, or running even on an expired lease). */
export async function unfinishedJobs(db: Db, kind: string): Promise<JobTable[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where('state', 'in', ['queued', 'running'])
    .execute();
}

/** How many queued jobs of the same kind a worker will take before this one. */
export async function queuedAhead(db: Db, job: JobTable): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', job.kind)
    .where('state', '=', 'queued')
    .where(
      sql<boolean>`(run_after, created_at, id) < (${job.run_after}, ${job.created_at}, ${job.id})`,
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The jobs with these serial keys that are queued or running, and the last finished one of each. */
export async function jobsBySerialKey(
  db: Db,
  kind: string,
  serialKeys: readonly string[],
): Promise<JobTable[]> {
  if (serialKeys.length === 0) return [];
  const open = await db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where('serial_key', 'in', serialKeys)
    .where('state', 'in', ['queued', 'running'])
    .execute();
  const finished = await db
    .selectFrom('jobs as j')
    .selectAll('j')
    .where('j.kind', '=', kind)
    .where('j.serial_key', 'in', serialKeys)
    .where('j.state', 'in', ['done', 'failed'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('jobs as k')
            .select('k.id')
            .whereRef('k.serial_key', '=', 'j.serial_key')
            .whereRef('k.kind', '=', 'j.kind')
            .where('k.state', 'in', ['done', 'failed'])
            .whereRef('k.finished_at', '>', 'j.finished_at'),
        ),
      ),
    )
    .execute();
  return [...open, ...finished];
}

const dueSql = (now: string) =>
  sql<boolean>`((j.state = 'queued' and j.run_after <= ${now}) or (j.state = 'running' and j.lease_expires_at < ${now}))`;

/** Whether any job of these kinds is due: a read, so that an idle worker takes no write lock. */
export async function hasDueJob(db: Db, kinds: readonly string[]): Promise<boolean> {
  if (kinds.length === 0) return false;
  const { rows } = await sql<{ one: number }>`select 1 as one from jobs j
    where j.kind in (${sql.join(kinds)}) and ${dueSql(nowIso())} limit 1`.execute(db);
  return rows.length > 0;
}

export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  kinds: readonly string[];
  /** Per kind, how many may run at once in every process together. */
  limits: ReadonlyMap<string, number>;
  /** Only this job (a command running what it queued). */
  id?: string;
}

/** Serialises claims across processes on PostgreSQL, so that the limits hold. */
const claimLockKey = 7_350_124_011;

/**
 * Takes the next due job with a lease: a queued one whose time has come, or a running one
 * whose lease ran out. Never one whose serial key is held by a live lease, nor one of a kind
 * at its limit. On PostgreSQL the claims of all processes take turns (an advisory lock, so
 * that counting the running jobs and taking one is atomic) and `skip locked` passes over rows
 * another transaction is writing (a renewal, a finish) instead of waiting for them; on SQLite
 * the single update is atomic by itself.
 */
export async function claimJob(
  handle: DbHandle,
  options: ClaimOptions,
): Promise<JobTable | undefined> {
  if (options.kinds.length === 0) return undefined;
  const now = nowIso();
  const limited = [...options.limits].map(
    ([kind, limit]) => sql`and (j.kind <> ${kind} or (select count(*) from jobs r
      where r.kind = ${kind} and r.state = 'running' and r.lease_expires_at >= ${now}) < ${limit})`,
  );
  const postgres = handle.dialect === 'postgres';
  const claim = sql<JobTable>`update jobs set state = 'running', attempts = attempts + 1,
      lease_owner = ${options.owner}, lease_expires_at = ${later(options.leaseMs)},
      updated_at = ${now}
    where id = (
      select j.id from jobs j
      where j.kind in (${sql.join(options.kinds)}) and ${dueSql(now)}
        ${options.id === undefined ? sql`` : sql`and j.id = ${options.id}`}
        and (j.serial_key is null or not exists (select 1 from jobs r
          where r.serial_key = j.serial_key and r.id <> j.id and r.state = 'running'
            and r.lease_expires_at >= ${now}))
        ${sql.join(limited, sql` `)}
      order by j.run_after, j.created_at, j.id
      limit 1
      ${postgres ? sql`for update skip locked` : sql``}
    )
    returning *`;
  if (!postgres) return (await claim.execute(handle.db)).rows[0];
  return handle.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${claimLockKey})`.execute(trx);
    return (await claim.execute(trx)).rows[0];
  });
}

/** Extends the lease of a job the worker still holds; false when it lost it. */
export async function renewLease(
  db: Db,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ lease_expires_at: later(leaseMs), updated_at: nowIso() })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function saveProgress(
  db: Db,
  id: string,
  owner: string,
  progress: unknown,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress: JSON.stringify(progress), updated_at: nowIso() })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'running')
    .execute();
}

export type JobEnd =
  | { state: 'done'; result: unknown }
  | { state: 'failed'; error: JobError }
  | { state: 'queued'; error: JobError; afterMs: number; refund: boolean };

/** Ends an attempt of a job the worker holds; false when another worker took it meanwhile. */
export async function endAttempt(db: Db, id: string, owner: string, end: JobEnd): Promise<boolean> {
  const now = nowIso();
  const query = db
    .updateTable('jobs')
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'running');
  const result = await (
    end.state === 'queued'
      ? query.set((eb) => ({
          state: 'queued',
          run_after: later(end.afterMs),
          attempts: end.refund ? eb('attempts', '-', 1) : eb.ref('attempts'),
          lease_owner: null,
          lease_expires_at: null,
          error: JSON.stringify(end.error),
          updated_at: now,
        }))
      : query.set({
          state: end.state,
          lease_expires_at: null,
          finished_at: now,
          updated_at: now,
          ...(end.state === 'done'
            ? { result: JSON.stringify(end.result ?? null), error: null }
            : { error: JSON.stringify(end.error) }),
        })
  ).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Forgets jobs that ended before `before` (their work's own records stay). */
export async function pruneFinishedJobs(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
