import type { FastifyInstance } from 'fastify';
import { auditedWrite } from '../../audit/auditedWrite.js';
import { assertInScope, inScope } from '../../auth/scope.js';
import { actorOf } from '../../auth/sessionUser.js';
import { divisionPrefix, normaliseDivisionCode } from '../../core/divisionCode.js';
import { JianduError } from '../../core/errors.js';
import { maskIdNumber, maskName } from '../../core/redact.js';
import { personNetwork } from '../../network/personNetwork.js';
import { builtinRules } from '../../rules/builtin/index.js';
import { activeCustomRules } from '../../rules/customRules.js';
import {
  countWarnings,
  findWarning,
  listWarnings,
  toWarningView,
  warningEvidence,
} from '../../rules/warningsRepository.js';
import type { RequestContext } from '../requestContext.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  networkParams,
  networkResponse,
  warningParams,
  warningResponse,
  warningsQuery,
  warningsResponse,
} from './schema.js';

export const warningReaders = ['inspector', 'leader', 'admin'] as const;

/**
 * Every view of a person's data is kept: who looked at whom, when, and why. The access log
 * (never served) holds the ID number, so that "who viewed this person" can be answered; the
 * audit trail, which administrators read in the console, holds it masked.
 */
async function logView(
  ctx: RequestContext,
  purpose: string,
  subject: string,
  detail: string,
): Promise<void> {
  const user = requireUser(ctx);
  await auditedWrite(ctx.app, actorOf(user), async ({ tx, audit }) => {
    await tx
      .insertInto('access_log')
      .values({
        at: new Date().toISOString(),
        user_id: user.id,
        user_name: user.username,
        purpose,
        subject,
        detail,
      })
      .execute();
    await audit({
      action: `view.${purpose}`,
      entity: 'person',
      ids: [maskIdNumber(subject)],
      jurisdictionCode: user.jurisdictionCode,
      after: { detail },
    });
  });
}

export function warningRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/warnings',
    access: warningReaders,
    summary: 'Warnings of the user’s jurisdiction, highest risk first, with filters',
    tags: ['warnings'],
    schema: { querystring: warningsQuery, response: warningsResponse },
    handler: async ({ query, ctx }) => {
      let division: string | undefined;
      if (query.division) {
        const code = normaliseDivisionCode(query.division);
        if (!code) throw new JianduError('UNKNOWN_REGION', { code: query.division });
        assertInScope(ctx.scope, code);
        division = divisionPrefix(code);
      }
      const filter = {
        ...(query.rule ? { rule: query.rule.toUpperCase() } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.severity ? { severity: query.severity } : {}),
        ...(division ? { division } : {}),
      };
      const db = ctx.app.handle.db;
      return {
        total: await countWarnings(db, ctx.scope, filter),
        warnings: await listWarnings(db, ctx.scope, {
          ...filter,
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        }),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/warnings/:id',
    access: warningReaders,
    summary: 'One warning with every offending record as evidence (the view is logged)',
    tags: ['warnings'],
    schema: { params: warningParams, response: warningResponse },
    handler: async ({ params, ctx }) => {
      const db = ctx.app.handle.db;
      const row = await findWarning(db, ctx.scope, params.id);
      if (!row) throw new JianduError('NOT_FOUND', { what: `warning ${params.id}` });
      await logView(ctx, 'warning', row.subject, `warning ${row.id} ${row.rule_code}`);
      const rule =
        builtinRules.find((r) => r.code === row.rule_code) ??
        (await activeCustomRules(db)).find((r) => r.code === row.rule_code);
      const evidence = await warningEvidence(db, row.id);
      return {
        warning: toWarningView(row),
        ruleName: rule ? (ctx.language === 'en' ? rule.name.en : rule.name.zh) : row.rule_code,
        evidence: evidence.map((e) => ({
          seq: e.seq,
          dataset: e.dataset,
          record_ref: e.record_ref,
          period: e.period,
          amount_fen: e.amount_fen,
          details: JSON.parse(e.details) as Record<string, unknown>,
          fuzzy: e.fuzzy === 1,
        })),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/people/:id/network',
    access: warningReaders,
    summary:
      'A person’s relationship network (household, declared relatives, accounts, phones, addresses), each link with its source; the view is logged',
    tags: ['warnings'],
    schema: { params: networkParams, response: networkResponse },
    handler: async ({ params, ctx }) => {
      const db = ctx.app.handle.db;
      // Only people the user's jurisdiction has a record of: a resident of it, or a warning in it.
      const home = await db
        .selectFrom('ds_residents')
        .select('village_code')
        .where('live', '=', 1)
        .where('id_number', '=', params.id)
        .executeTakeFirst();
      const warned = await db
        .selectFrom('warnings')
        .select('jurisdiction_code')
        .where('subject', '=', params.id)
        .execute();
      if (
        !inScope(ctx.scope, home?.village_code) &&
        !warned.some((w) => inScope(ctx.scope, w.jurisdiction_code))
      ) {
        throw new JianduError('NOT_FOUND', { what: 'person' });
      }
      await logView(ctx, 'network', params.id, 'relationship network');
      const network = await personNetwork(db, params.id);
      // People outside the user's jurisdiction appear, but masked: the link is the point, not who.
      const outside = new Map(
        network.nodes
          .filter((n) => !inScope(ctx.scope, n.village))
          .map((n) => [n.id, `辖区外-${maskIdNumber(n.id)}`]),
      );
      const rename = (id: string): string => outside.get(id) ?? id;
      return {
        center: network.center,
        nodes: network.nodes.map((n) =>
          outside.has(n.id) ? { ...n, id: rename(n.id), name: maskName(n.name) } : n,
        ),
        edges: network.edges.map((e) => ({ ...e, from: rename(e.from), to: rename(e.to) })),
      };
    },
  });
}
