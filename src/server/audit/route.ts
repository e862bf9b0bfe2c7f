import { rolesWith } from '../../api/capabilities.js';
import type { FastifyInstance } from 'fastify';
import { listAuditEntries } from '../../audit/auditRepository.js';
import { auditBreakText, verifyAuditChain } from '../../audit/verifyAuditChain.js';
import { JianduError } from '../../core/errors.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { auditListResponse, auditQuery, auditVerifyResponse } from '../../api/audit.js';

export function auditRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/audit',
    access: rolesWith('audit.read'),
    summary: 'The audit trail of the user’s jurisdiction, newest first',
    tags: ['audit'],
    schema: { querystring: auditQuery, response: auditListResponse },
    handler: async ({ query, ctx }) => ({
      entries: await listAuditEntries(ctx.app.handle.db, ctx.scope, {
        includeDeploymentWide: ctx.scope.code === services.rootScope.code,
        limit: query.limit ?? 100,
        ...(query.before === undefined ? {} : { beforeSeq: query.before }),
        ...(query.entity === undefined ? {} : { entity: query.entity }),
      }),
    }),
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/audit/verify',
    access: rolesWith('audit.verify'),
    summary: 'Recompute the whole hash chain and name the first broken entry',
    tags: ['audit'],
    schema: { response: auditVerifyResponse },
    handler: async ({ ctx }) => {
      const result = await verifyAuditChain(ctx.app.handle.db);
      const message = result.firstBreak
        ? new JianduError('AUDIT_BROKEN', {
            seq: result.firstBreak.seq,
            detail: auditBreakText[result.firstBreak.kind][ctx.language],
          }).text(ctx.language)
        : ctx.language === 'en'
          ? `intact: ${result.entries} entries`
          : `审计链完整：共 ${result.entries} 条记录`;
      return { ...result, message };
    },
  });
}
