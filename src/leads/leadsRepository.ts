import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { WriteTx } from '../audit/auditedWrite.js';
import type { Actor } from '../audit/actor.js';
import { inScopeSql, type Scope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { isLive } from '../ingest/liveRows.js';
import type { LeadEventTable, LeadSourceTable, LeadTable } from './leadsTables.js';

export type LeadRow = Selectable<LeadTable>;
export type LeadSourceRow = Selectable<LeadSourceTable>;
export type LeadEventRow = Selectable<LeadEventTable>;

/**
 * The next case number of a county and year (431226-2026-000123). The counter row is
 * upserted in the caller's transaction, so concurrent creations queue on its lock and no
 * two leads share a number; a rolled-back creation gives its number back.
 */
export async function allocateCaseNo(
  tx: WriteTx,
  countyCode: string,
  year: number,
): Promise<string> {
  const row = await tx
    .insertInto('lead_counters')
    .values({ county_code: countyCode, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['county_code', 'year'])
        .doUpdateSet({ last: sql<number>`lead_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${countyCode}-${year}-${String(row.last).padStart(6, '0')}`;
}

export async function insertLead(tx: WriteTx, values: Insertable<LeadTable>): Promise<LeadRow> {
  return tx.insertInto('leads').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertLeadSources(
  tx: WriteTx,
  leadId: number,
  sources: { warning_id?: number; complaint_id?: number }[],
  at: string,
): Promise<void> {
  if (sources.length === 0) return;
  await tx
    .insertInto('lead_sources')
    .values(
      sources.map((s) => ({
        lead_id: leadId,
        warning_id: s.warning_id ?? null,
        complaint_id: s.complaint_id ?? null,
        added_at: at,
      })),
    )
    .execute();
}

/** A lead by id inside a scope, or undefined (outside the scope it does not exist). */
export function findLead(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<LeadRow | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('id', '=', id)
    .where(inScopeSql('leads.jurisdiction_code', scope))
    .executeTakeFirst();
}

/**
 * Changes a lead if nobody changed it since the actor read `version`; otherwise LEAD_CHANGED
 * (“someone else changed it”), so two people acting on one lead cannot overwrite each other.
 */
export async function updateLeadVersioned(
  tx: WriteTx,
  lead: { id: number; case_no: string },
  version: number,
  changes: Updateable<LeadTable>,
): Promise<LeadRow> {
  const row = await tx
    .updateTable('leads')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', lead.id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new JianduError('LEAD_CHANGED', { lead: lead.case_no });
  return row;
}

export interface LeadEventInput {
  action: string;
  fromState: string | null;
  toState: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends one event to a lead's timeline, numbered after its last one. */
export async function appendLeadEvent(
  tx: WriteTx,
  leadId: number,
  actor: Actor,
  event: LeadEventInput,
  at: string,
): Promise<void> {
  await tx
    .insertInto('lead_events')
    .columns([
      'lead_id',
      'seq',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'from_state',
      'to_state',
      'reason',
      'details',
    ])
    .expression(
      tx
        .selectFrom('lead_events')
        .select([
          sql<number>`${leadId}`.as('lead_id'),
          sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
          sql<string>`${at}`.as('at'),
          sql<number | null>`${actor.id}`.as('actor_id'),
          sql<string>`${actor.name}`.as('actor_name'),
          sql<string>`${event.action}`.as('action'),
          sql<string | null>`${event.fromState}`.as('from_state'),
          sql<string | null>`${event.toState}`.as('to_state'),
          sql<string | null>`${event.reason ?? null}`.as('reason'),
          sql<string | null>`${event.details ? JSON.stringify(event.details) : null}`.as('details'),
        ])
        .where('lead_id', '=', leadId),
    )
    .execute();
}

/**
 * One event for every lead whose `column` holds `stamp` (set by the same transaction's
 * update): the set-based timeline entry of a deadline check.
 */
export async function appendEventsForStamp(
  tx: WriteTx,
  column: 'due_warned_at' | 'supervised_at',
  stamp: string,
  actor: Actor,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  await tx
    .insertInto('lead_events')
    .columns([
      'lead_id',
      'seq',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'from_state',
      'to_state',
      'reason',
      'details',
    ])
    .expression(
      tx
        .selectFrom('leads as l')
        .select([
          'l.id as lead_id',
          sql<number>`(select coalesce(max(e.seq), 0) + 1 from lead_events e where e.lead_id = l.id)`.as(
            'seq',
          ),
          sql<string>`${stamp}`.as('at'),
          sql<number | null>`${actor.id}`.as('actor_id'),
          sql<string>`${actor.name}`.as('actor_name'),
          sql<string>`${action}`.as('action'),
          'l.state as from_state',
          'l.state as to_state',
          sql<string | null>`${null}`.as('reason'),
          sql<string>`${JSON.stringify(details)}`.as('details'),
        ])
        .where(`l.${column}`, '=', stamp),
    )
    .execute();
}

/** A lead's timeline, oldest first. */
export async function listLeadEvents(
  db: Kysely<Database>,
  scope: Scope,
  leadId: number,
): Promise<LeadEventRow[]> {
  return db
    .selectFrom('lead_events as e')
    .innerJoin('leads as l', 'l.id', 'e.lead_id')
    .selectAll('e')
    .where('e.lead_id', '=', leadId)
    .where(inScopeSql('l.jurisdiction_code', scope))
    .orderBy('e.seq')
    .execute();
}

/** The sources of a lead still attached to it (split ones left out). */
export function activeLeadSources(db: Kysely<Database>, leadId: number): Promise<LeadSourceRow[]> {
  return db
    .selectFrom('lead_sources')
    .selectAll()
    .where('lead_id', '=', leadId)
    .where('split_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The first open lead holding any of these warnings, with the warning it holds. */
export function leadHoldingWarnings(
  db: Kysely<Database>,
  warningIds: readonly number[],
): Promise<{ warning_id: number | null; case_no: string } | undefined> {
  if (warningIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('lead_sources as s')
    .innerJoin('leads as l', 'l.id', 's.lead_id')
    .select(['s.warning_id', 'l.case_no'])
    .where('s.warning_id', 'in', [...warningIds])
    .where('s.split_at', 'is', null)
    .orderBy('s.warning_id')
    .executeTakeFirst();
}

export function leadHoldingComplaint(
  db: Kysely<Database>,
  complaintId: number,
): Promise<{ case_no: string } | undefined> {
  return db
    .selectFrom('lead_sources as s')
    .innerJoin('leads as l', 'l.id', 's.lead_id')
    .select(['l.case_no'])
    .where('s.complaint_id', '=', complaintId)
    .where('s.split_at', 'is', null)
    .executeTakeFirst();
}

/** The sum of the open sources' warnings, the lead's amount. */
export async function sourcesAmount(db: Kysely<Database>, leadId: number): Promise<number> {
  const row = await db
    .selectFrom('lead_sources as s')
    .innerJoin('warnings as w', 'w.id', 's.warning_id')
    .select(sql<number>`coalesce(sum(w.amount_fen), 0)`.as('total'))
    .where('s.lead_id', '=', leadId)
    .where('s.split_at', 'is', null)
    .executeTakeFirst();
  return row?.total ?? 0;
}

/** The warnings a lead would be made of, within the scope. */
export function warningsForLead(
  db: Kysely<Database>,
  scope: Scope,
  ids: readonly number[],
): Promise<
  {
    id: number;
    subject: string;
    subject_name: string;
    jurisdiction_code: string;
    amount_fen: number;
    explanation: string;
  }[]
> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('warnings')
    .select(['id', 'subject', 'subject_name', 'jurisdiction_code', 'amount_fen', 'explanation'])
    .where('id', 'in', [...ids])
    .where(inScopeSql('warnings.jurisdiction_code', scope))
    .orderBy('id')
    .execute();
}

/** A complaint within the scope, with the name of the official it names (or its village). */
export async function complaintForLead(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<
  | {
      id: number;
      complaint_no: string;
      village_code: string;
      official_id_number: string | null;
      topic: string;
      content: string;
      subject_name: string;
    }
  | undefined
> {
  const row = await db
    .selectFrom('complaints as c')
    .leftJoin('divisions as d', 'd.code', 'c.village_code')
    .select([
      'c.id',
      'c.complaint_no',
      'c.village_code',
      'c.official_id_number',
      'c.topic',
      'c.content',
      'd.name as village_name',
      sql<
        string | null
      >`(select min(o.name) from ds_officials o where ${isLive('o')} and o.id_number = c.official_id_number)`.as(
        'official_name',
      ),
    ])
    .where('c.id', '=', id)
    .where(inScopeSql('c.village_code', scope))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    complaint_no: row.complaint_no,
    village_code: row.village_code,
    official_id_number: row.official_id_number,
    topic: row.topic,
    content: row.content,
    subject_name: row.official_name ?? row.village_name ?? row.village_code,
  };
}

/** Marks sources as split off their lead (they stay as history). */
export async function splitSources(
  tx: WriteTx,
  leadId: number,
  warningIds: readonly number[],
  at: string,
): Promise<number> {
  const result = await tx
    .updateTable('lead_sources')
    .set({ split_at: at })
    .where('lead_id', '=', leadId)
    .where('split_at', 'is', null)
    .where('warning_id', 'in', [...warningIds])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
