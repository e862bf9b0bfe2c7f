import type { FastifyInstance } from 'fastify';
import { rolesWith } from '../../api/capabilities.js';
import {
  createLeadBody,
  leadActionBody,
  leadDetail,
  leadParams,
  leadQueuePage,
  leadsQuery,
  leadSplitBody,
  leadSplitResponse,
  leadTotalsResponse,
  leadView,
  type LeadAction,
  type LeadEventView,
} from '../../api/leads.js';
import { recordView } from '../../audit/recordView.js';
import { JianduError } from '../../core/errors.js';
import { maskIdNumber } from '../../core/redact.js';
import { actOnLead } from '../../leads/actOnLead.js';
import { createLead } from '../../leads/createLead.js';
import { assertMayAct, leadActorFor, type LeadActor } from '../../leads/leadAccess.js';
import { leadTotals, listLeadQueue, toLeadView } from '../../leads/leadQueues.js';
import {
  activeLeadSources,
  findLead,
  listLeadEvents,
  type LeadEventRow,
  type LeadRow,
} from '../../leads/leadsRepository.js';
import { actionsFrom, nextTransition } from '../../leads/leadStateMachine.js';
import { routeLead } from '../../leads/routeLead.js';
import { splitLead } from '../../leads/splitLead.js';
import { maskNumbers } from '../../rules/maskNumbers.js';
import { requireUser, type RequestContext } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';

/** The signed-in user as a lead actor, within the request's scope. */
async function actorOf(ctx: RequestContext): Promise<LeadActor> {
  const who = await leadActorFor(ctx.app.handle.db, requireUser(ctx).id);
  return { ...who, scope: ctx.scope };
}

/** Whether the actor is a handler, who sees only their own office's leads. */
function officeBound(who: LeadActor): boolean {
  return who.role === 'handler';
}

/** A lead the actor may see, or NOT_FOUND: another office's lead does not exist for a handler. */
async function visibleLead(ctx: RequestContext, who: LeadActor, id: number): Promise<LeadRow> {
  const lead = await findLead(ctx.app.handle.db, who.scope, id);
  if (!lead || (officeBound(who) && (who.officeId === null || lead.office_id !== who.officeId)))
    throw new JianduError('NOT_FOUND', { what: `线索 ${id}` });
  return lead;
}

/** Masks ID numbers anywhere in free text (a summary, a reason), since people type them in. */
function maskedDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskNumbers(value);
  if (Array.isArray(value)) return value.map(maskedDeep);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskedDeep(v)]));
  return value;
}

function masked<T>(value: T): T {
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
function allowedActions(who: LeadActor, lead: LeadRow): LeadAction[] {
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

export function leadRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/leads',
    access: rolesWith('leads.read'),
    summary:
      'A queue of leads (to triage, overdue, awaiting approval, the user’s own, the office’s) within the user’s jurisdiction and, for handlers, office; ID numbers masked (the list is logged)',
    tags: ['leads'],
    schema: { querystring: leadsQuery, response: leadQueuePage },
    handler: async ({ query, ctx }) => {
      const who = await actorOf(ctx);
      if (officeBound(who) && who.officeId === null) return { total: 0, leads: [] };
      const limit = query.limit ?? 50;
      const offset = query.offset ?? 0;
      const page = await listLeadQueue(ctx.app.handle.db, who.scope, {
        queue: query.queue,
        userId: requireUser(ctx).id,
        ...(who.officeId !== null && (officeBound(who) || query.queue === 'office')
          ? { officeId: who.officeId }
          : {}),
        limit,
        offset,
      });
      await recordView(ctx.app, requireUser(ctx), {
        purpose: 'leads',
        subject: who.scope.code,
        detail: `lead queue ${query.queue} limit=${limit} offset=${offset}: ${page.leads.length} of ${page.total}`,
        auditIds: [who.scope.code],
        auditAfter: { queue: query.queue, limit, offset, shown: page.leads.length },
      });
      return masked(page);
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/leads/totals',
    access: rolesWith('leads.totals'),
    summary: 'Leads of the user’s jurisdiction by state and class, with the amounts involved',
    tags: ['leads'],
    schema: { response: leadTotalsResponse },
    handler: async ({ ctx }) => ({ totals: await leadTotals(ctx.app.handle.db, ctx.scope) }),
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/leads/:id',
    access: rolesWith('leads.read'),
    summary:
      'One lead with its timeline, sources, the actions the user may take now and, in triage, the routing suggestion; ID numbers masked (the view is logged)',
    tags: ['leads'],
    schema: { params: leadParams, response: leadDetail },
    handler: async ({ params, ctx }) => {
      const db = ctx.app.handle.db;
      const who = await actorOf(ctx);
      const lead = await visibleLead(ctx, who, params.id);
      await recordView(ctx.app, requireUser(ctx), {
        purpose: 'lead',
        subject: lead.subject,
        detail: `lead ${lead.case_no}`,
        auditIds: [maskIdNumber(lead.subject)],
      });
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
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/leads',
    access: rolesWith('leads.triage'),
    summary: 'Registers a lead from warnings of one subject, from a complaint, or by hand',
    tags: ['leads'],
    schema: { body: createLeadBody, response: leadView },
    handler: async ({ body, ctx }) =>
      masked(toLeadView(await createLead(ctx.app, await actorOf(ctx), body))),
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/leads/:id/actions',
    access: rolesWith('leads.read'),
    summary:
      'One action on a lead at the version the user saw (409 when someone changed it since); answers the lead as it now is',
    tags: ['leads'],
    schema: { params: leadParams, body: leadActionBody, response: leadView },
    handler: async ({ params, body, ctx }) => {
      const who = await actorOf(ctx);
      await visibleLead(ctx, who, params.id);
      const result = await actOnLead(ctx.app, who, params.id, body);
      return masked(toLeadView(result.lead));
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/leads/:id/split',
    access: rolesWith('leads.triage'),
    summary:
      'Moves some of a lead’s warnings to a new lead to triage, with a reason; answers both leads',
    tags: ['leads'],
    schema: { params: leadParams, body: leadSplitBody, response: leadSplitResponse },
    handler: async ({ params, body, ctx }) => {
      const who = await actorOf(ctx);
      await visibleLead(ctx, who, params.id);
      const { from, to } = await splitLead(ctx.app, who, params.id, {
        version: body.version,
        warningIds: body.warning_ids,
        reason: body.reason,
      });
      return masked({ from: toLeadView(from), to: toLeadView(to) });
    },
  });
}
