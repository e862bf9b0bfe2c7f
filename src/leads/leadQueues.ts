import type { Kysely } from 'kysely';
import type { LeadClass, LeadQueue, LeadQueuePage, LeadState, LeadView } from '../api/leads.js';
import { inScopeSql, type Scope } from '../auth/scope.js';
import { maskIdNumber } from '../core/redact.js';
import type { Database } from '../db/schema.js';
import type { LeadRow } from './leadsRepository.js';

export interface LeadQueueFilter {
  queue: LeadQueue;
  /** The handler of `mine`. */
  userId?: number;
  /** The office of `office`, or a filter on any queue. */
  officeId?: number;
  /** The day `overdue` compares deadlines with. */
  today?: string;
  limit?: number;
  offset?: number;
}

/** A lead as lists show it: a person's ID number masked. */
export function toLeadView(row: LeadRow): LeadView {
  return {
    id: row.id,
    case_no: row.case_no,
    jurisdiction_code: row.jurisdiction_code,
    subject: /^\d{17}[\dX]$/.test(row.subject) ? maskIdNumber(row.subject) : row.subject,
    subject_name: row.subject_name,
    origin: row.origin,
    manual_channel: row.manual_channel,
    summary: row.summary,
    class: row.class,
    state: row.state,
    office_id: row.office_id,
    handler_id: row.handler_id,
    routing_reason: row.routing_reason,
    assigned_on: row.assigned_on,
    deadline: row.deadline,
    due_warned_at: row.due_warned_at,
    supervised_at: row.supervised_at,
    extension_requested_to: row.extension_requested_to,
    extensions: row.extensions,
    version: row.version,
    amount_fen: row.amount_fen,
    created_at: row.created_at,
    updated_at: row.updated_at,
    closed_at: row.closed_at,
  };
}

function queueQuery(db: Kysely<Database>, scope: Scope, filter: LeadQueueFilter) {
  let query = db.selectFrom('leads').where(inScopeSql('leads.jurisdiction_code', scope));
  switch (filter.queue) {
    case 'triage':
      query = query.where('state', '=', 'triage');
      break;
    case 'review':
      query = query.where('state', '=', 'review');
      break;
    case 'overdue': {
      const today = filter.today ?? new Date().toISOString().slice(0, 10);
      query = query
        .where('state', 'in', ['assigned', 'verifying'])
        .where((eb) => eb.or([eb('supervised_at', 'is not', null), eb('deadline', '<', today)]));
      break;
    }
    case 'mine':
      query = query
        .where('handler_id', '=', filter.userId ?? -1)
        .where('state', 'in', ['assigned', 'verifying']);
      break;
    case 'office':
      query = query.where('state', 'in', ['assigned', 'verifying']);
      break;
  }
  if (filter.officeId !== undefined) query = query.where('office_id', '=', filter.officeId);
  return query;
}

/**
 * One queue's page and its total: to triage, overdue or supervised, awaiting closure approval,
 * a handler's own, an office's open leads. Oldest deadline (or oldest lead) first.
 */
export async function listLeadQueue(
  db: Kysely<Database>,
  scope: Scope,
  filter: LeadQueueFilter,
): Promise<LeadQueuePage> {
  const [rows, count] = await Promise.all([
    queueQuery(db, scope, filter)
      .selectAll()
      .orderBy('deadline')
      .orderBy('created_at')
      .orderBy('id')
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0)
      .execute(),
    queueQuery(db, scope, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { total: count?.n ?? 0, leads: rows.map(toLeadView) };
}

/** Leads by state and class within the scope, for leaders. */
export async function leadTotals(
  db: Kysely<Database>,
  scope: Scope,
  filter: { officeId?: number } = {},
): Promise<{ state: LeadState; class: LeadClass | null; count: number; amount_fen: number }[]> {
  let query = db
    .selectFrom('leads')
    .select((eb) => [
      'state',
      'class',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('amount_fen').as('amount'),
    ])
    .where(inScopeSql('leads.jurisdiction_code', scope))
    .groupBy(['state', 'class'])
    .orderBy('state')
    .orderBy('class');
  if (filter.officeId !== undefined) query = query.where('office_id', '=', filter.officeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    state: r.state,
    class: r.class,
    count: r.n,
    amount_fen: r.amount ?? 0,
  }));
}
