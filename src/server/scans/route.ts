import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../auth/sessionUser.js';
import { requestScan, scanState } from '../../rules/scanQueue.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { warningReaders } from '../warnings/route.js';
import { scansResponse, startScanBody } from './schema.js';

export function scanRoutes(fastify: FastifyInstance, services: RouteServices): void {
  const listScans = async (jurisdiction: string) => {
    const rows = await services.app.handle.db
      .selectFrom('scans')
      .selectAll()
      .where('jurisdiction_code', '=', jurisdiction)
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      triggeredBy: r.triggered_by,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      subjects: r.subjects,
      progress: r.progress ? (JSON.parse(r.progress) as Record<string, unknown>) : null,
      counts: r.counts ? (JSON.parse(r.counts) as Record<string, unknown>) : null,
      error: r.error,
    }));
  };

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/scans',
    access: warningReaders,
    summary: 'Recent scans of the user’s jurisdiction and whether one is running',
    tags: ['scans'],
    schema: { response: scansResponse },
    handler: async ({ ctx }) => ({
      scans: await listScans(ctx.scope.code),
      ...scanState(ctx.scope.code),
    }),
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/scans',
    access: ['inspector', 'admin'],
    summary: 'Start a scan of the user’s jurisdiction in the background (incremental unless full)',
    tags: ['scans'],
    schema: { body: startScanBody, response: scansResponse },
    handler: async ({ body, ctx }) => {
      requestScan(
        ctx.app,
        ctx.scope.code,
        body.full ? 'full' : 'incremental',
        actorOf(requireUser(ctx)),
      );
      return { scans: await listScans(ctx.scope.code), ...scanState(ctx.scope.code) };
    },
  });
}
