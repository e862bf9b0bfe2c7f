import type { Kysely } from 'kysely';
import type {
  LeadAction,
  LeadDetail,
  LeadEventView,
  LeadQueue,
  LeadQueuePage,
} from '../api/leads.js';
import { JianduError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { maskNumbers } from '../rules/maskNumbers.js';
import { assertMayAct, type LeadActor } from './leadAccess.js';
import { listLeadQueue, toLeadView } from './leadQueues.js';
import {
  activeLeadSources,
  findLead,
  listLeadEvents,
  type LeadEventRow,
  type LeadRow,
} from './leadsRepository.js';
import { actionsFrom, nextTransition } from './leadStateMachine.js';
import { routeLead } from './routeLead.js';

/** Whether the actor is a handler, who sees only their own office's leads. */
export function officeBound(who: LeadActor): boolean {
  return who.role === 'handler';
}

/** A lead the actor may see, or NOT_FOUND: another office's lead does not exist for a handler. */
export async function visibleLead(
  db: Kysely<Database>,
  who: LeadActor,
  id: number,
): Promise<LeadRow> {
  const lead = await findLead(db, who.scope, id);
  if (!lead || (officeBound(who) && (who.officeId === null || lead.office_id !== who.officeId)))
    throw new JianduError('NOT_FOUND', { what: `线索 ${id}` });
  return lead;
}

function maskedDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskNumbers(value);
  if (Array.isArray(value)) return value.map(maskedDeep);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskedDeep(v)]));
  return value;
}

/** Masks ID numbers anywhere in free text (a summary, a reason), since people type them in. */
export function masked<T>(value: T): T {
  return maskedDeep(value) as T;
}

function eventView(row: LeadEventRow): LeadEventView {
  return {
    seq: row.seq,
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    action: row.action,
    from_state: row.from_state,
    to_state: row.to_state,
    reason: row.reason,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  };
}

/** The actions the state allows and assertMayAct lets this actor take. */
export function allowedActions(who: LeadActor, lead: LeadRow): LeadAction[] {
  return actionsFrom(lead.state).filter((action) => {
    try {
      assertMayAct(who, lead, action, nextTransition(lead, action).capabilities);
      return true;
    } catch (error) {
      if (error instanceof JianduError) return false;
      throw error;
    }
  });
}

/** A lead with its timeline, sources, this actor's actions and, in triage, routing; masked. */
export async function leadDetailOf(
  db: Kysely<Database>,
  who: LeadActor,
  lead: LeadRow,
): Promise<LeadDetail> {
  const sources = await activeLeadSources(db, lead.id);
  return masked({
    lead: toLeadView(lead),
    events: (await listLeadEvents(db, who.scope, lead.id)).map(eventView),
    sources: {
      warning_ids: sources.flatMap((s) => (s.warning_id === null ? [] : [s.warning_id])),
      complaint_ids: sources.flatMap((s) => (s.complaint_id === null ? [] : [s.complaint_id])),
    },
    actions: allowedActions(who, lead),
    routing: lead.state === 'triage' ? await routeLead(db, lead) : null,
  });
}

/** A queue's page as this actor may see it: a handler's own office only, `mine` by user. */
export async function leadQueueFor(
  db: Kysely<Database>,
  who: LeadActor,
  filter: { queue: LeadQueue; limit: number; offset: number },
): Promise<LeadQueuePage> {
  if (officeBound(who) && who.officeId === null) return { total: 0, leads: [] };
  const page = await listLeadQueue(db, who.scope, {
    ...filter,
    ...(who.actor.id === null ? {} : { userId: who.actor.id }),
    ...(who.officeId !== null && (officeBound(who) || filter.queue === 'office')
      ? { officeId: who.officeId }
      : {}),
  });
  return masked(page);
}
