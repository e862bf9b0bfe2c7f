import type { FastifyInstance } from 'fastify';
import { rolesWith } from '../../api/capabilities.js';
import { recordView, type ViewRecord } from '../../audit/recordView.js';
import { assertInScope } from '../../auth/scope.js';
import { divisionPrefix, normaliseDivisionCode } from '../../core/divisionCode.js';
import { JianduError } from '../../core/errors.js';
import { maskIdNumber } from '../../core/redact.js';
import { maskNumbers } from '../../rules/maskNumbers.js';
import { maskedNetwork } from '../../network/maskedNetwork.js';
import { personNetwork } from '../../network/personNetwork.js';
import { builtinRules } from '../../rules/builtin/index.js';
import { activeCustomRules } from '../../rules/customRules.js';
import { evidenceRecords, maskedWarningView } from '../../warnings/maskedWarning.js';
import {
  countWarnings,
  countWarningsBySeverity,
  findWarning,
  listWarnings,
  warningEvidence,
  type WarningRow,
} from '../../warnings/warningsRepository.js';
import type { RequestContext } from '../requestContext.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  networkResponse,
  revealBody,
  revealResponse,
  warningParams,
  warningResponse,
  warningsQuery,
  warningsResponse,
} from '../../api/warnings.js';

/** Records a view of a person's data by the signed-in user (see recordView). */
function logView(ctx: RequestContext, view: ViewRecord): Promise<void> {
  return recordView(ctx.app, requireUser(ctx), view);
}

async function warningInScope(ctx: RequestContext, id: number): Promise<WarningRow> {
  const row = await findWarning(ctx.app.handle.db, ctx.scope, id);
  if (!row) throw new JianduError('NOT_FOUND', { what: `warning ${id}` });
  return row;
}

export function warningRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/warnings',
    access: rolesWith('warnings.read'),
    summary:
      'Warnings of the user’s jurisdiction, highest risk first (or, with order=learned, risk weighted by each rule’s judged precision), with filters; ID numbers and accounts masked (the list is logged)',
    tags: ['warnings'],
    schema: { querystring: warningsQuery, response: warningsResponse },
    handler: async ({ query, ctx }) => {
      let division: string | undefined;
      let covered = ctx.scope.code;
      if (query.division) {
        const code = normaliseDivisionCode(query.division);
        if (!code) throw new JianduError('UNKNOWN_REGION', { code: query.division });
        assertInScope(ctx.scope, code);
        division = divisionPrefix(code);
        covered = code;
      }
      const filter = {
        ...(query.rule ? { rule: query.rule.toUpperCase() } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.severity ? { severity: query.severity } : {}),
        ...(division ? { division } : {}),
      };
      const order = query.order ?? 'score';
      const db = ctx.app.handle.db;
      const limit = query.limit ?? 50;
      const offset = query.offset ?? 0;
      const total = await countWarnings(db, ctx.scope, filter);
      const rows = await listWarnings(db, ctx.scope, { ...filter, limit, offset, order });
      const people = new Set(
        rows.filter((w) => w.subject_kind === 'person').map((w) => w.subject_id_number),
      ).size;
      // One entry per list asked for, not one per row: what was asked and how many people it showed.
      const asked = Object.entries({ ...filter, limit, offset })
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(' ');
      await logView(ctx, {
        purpose: 'warnings',
        subject: covered,
        detail: `warning list ${asked}: ${rows.length} of ${total} warnings, ${people} people`,
        auditIds: [covered],
        auditAfter: { filter: { ...filter, limit, offset }, shown: rows.length, total, people },
      });
      return {
        total,
        warnings: rows.map((w) => maskedWarningView(w)),
        bySeverity: await countWarningsBySeverity(db, ctx.scope, filter),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/warnings/:id',
    access: rolesWith('warnings.read'),
    summary:
      'One warning with every offending record as evidence, a record once with all its reasons; ID numbers and accounts masked (the view is logged)',
    tags: ['warnings'],
    schema: { params: warningParams, response: warningResponse },
    handler: async ({ params, ctx }) => {
      const db = ctx.app.handle.db;
      const row = await warningInScope(ctx, params.id);
      await logView(ctx, {
        purpose: 'warning',
        subject: row.subject,
        detail: `warning ${row.id} ${row.rule_code}`,
        auditIds: [maskIdNumber(row.subject)],
      });
      const rule =
        builtinRules.find((r) => r.code === row.rule_code) ??
        (await activeCustomRules(db)).find((r) => r.code === row.rule_code);
      return {
        warning: maskedWarningView(row),
        ruleName: rule ? (ctx.language === 'en' ? rule.name.en : rule.name.zh) : row.rule_code,
        evidence: evidenceRecords(await warningEvidence(db, row.id), row.subject, {
          masked: true,
        }),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/warnings/:id/reveal',
    access: rolesWith('warnings.reveal'),
    summary:
      'The full ID numbers and accounts of one warning’s subject and evidence, for a stated reason (logged with the reason)',
    tags: ['warnings'],
    schema: { params: warningParams, body: revealBody, response: revealResponse },
    handler: async ({ params, body, ctx }) => {
      const row = await warningInScope(ctx, params.id);
      const reason = body.reason.trim();
      if (reason === '') throw new JianduError('REASON_REQUIRED');
      await logView(ctx, {
        purpose: 'reveal',
        subject: row.subject,
        detail: `warning ${row.id} ${row.rule_code}: ${reason}`,
        auditIds: [maskIdNumber(row.subject)],
        auditAfter: { warning: row.id, rule: row.rule_code, reason: maskNumbers(reason) },
      });
      return {
        id: row.id,
        subject_id_number: row.subject,
        evidence: evidenceRecords(await warningEvidence(ctx.app.handle.db, row.id), row.subject, {
          masked: false,
        }),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/warnings/:id/network',
    access: rolesWith('warnings.read'),
    summary:
      'The relationship network of a warning’s subject (household, declared relatives, accounts, phones, addresses), each link with its source; people by opaque references with masked ID numbers (the view is logged)',
    tags: ['warnings'],
    schema: { params: warningParams, response: networkResponse },
    handler: async ({ params, ctx }) => {
      const row = await warningInScope(ctx, params.id);
      if (row.subject_kind !== 'person') {
        throw new JianduError('NOT_FOUND', { what: `person of warning ${row.id}` });
      }
      await logView(ctx, {
        purpose: 'network',
        subject: row.subject,
        detail: `relationship network of warning ${row.id}`,
        auditIds: [maskIdNumber(row.subject)],
      });
      return maskedNetwork(await personNetwork(ctx.app.handle.db, row.subject), ctx.scope);
    },
  });
}
