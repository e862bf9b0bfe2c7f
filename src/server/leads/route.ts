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
} from '../../api/leads.js';
import { recordView } from '../../audit/recordView.js';
import { maskIdNumber } from '../../core/redact.js';
import { actOnLead } from '../../leads/actOnLead.js';
import { createLead } from '../../leads/createLead.js';
import { leadActorFor, type LeadActor } from '../../leads/leadAccess.js';
import { leadTotals, toLeadView } from '../../leads/leadQueues.js';
import { leadDetailOf, leadQueueFor, masked, visibleLead } from '../../leads/leadDetail.js';
import { splitLead } from '../../leads/splitLead.js';
import { requireUser, type RequestContext } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';

/** The signed-in user as a lead actor, within the request's scope. */
async function actorOf(ctx: RequestContext): Promise<LeadActor> {
  const who = await leadActorFor(ctx.app.handle.db, requireUser(ctx).id);
  return { ...who, scope: ctx.scope };
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
      const limit = query.limit ?? 50;
      const offset = query.offset ?? 0;
      const page = await leadQueueFor(ctx.app.handle.db, who, {
        queue: query.queue,
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
      return page;
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
      const lead = await visibleLead(ctx.app.handle.db, who, params.id);
      await recordView(ctx.app, requireUser(ctx), {
        purpose: 'lead',
        subject: lead.subject,
        detail: `lead ${lead.case_no}`,
        auditIds: [maskIdNumber(lead.subject)],
      });
      return leadDetailOf(db, who, lead);
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
      await visibleLead(ctx.app.handle.db, who, params.id);
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
      await visibleLead(ctx.app.handle.db, who, params.id);
      const { from, to } = await splitLead(ctx.app, who, params.id, {
        version: body.version,
        warningIds: body.warning_ids,
        reason: body.reason,
      });
      return masked({ from: toLeadView(from), to: toLeadView(to) });
    },
  });
}
