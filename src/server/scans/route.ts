import { rolesWith } from '../../api/capabilities.js';
import type { FastifyInstance } from 'fastify';
import type { Scope } from '../../auth/scope.js';
import { actorOf } from '../../auth/sessionUser.js';
import { ancestorDivisionCodes } from '../../core/divisionCode.js';
import { requestScan, scanState } from '../../rules/scanQueue.js';
import { recentScans } from '../../rules/scansRepository.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  scansResponse,
  startScanBody,
  type ScanCounts,
  type ScanProgress,
} from '../../api/scans.js';

/** The jurisdiction and those enclosing it: whose scans concern the user. */
function coveringCodes(scope: Scope): string[] {
  return [scope.code, ...ancestorDivisionCodes(scope.code)];
}

/** A scan's progress as the browser sees it: without the runner's host name and process. */
function publicProgress(text: string): ScanProgress {
  const { runner: _runner, ...rest } = JSON.parse(text) as ScanProgress & { runner?: unknown };
  return rest;
}

export function scanRoutes(fastify: FastifyInstance, services: RouteServices): void {
  const listScans = async (scope: Scope) => {
    const rows = await recentScans(services.app.handle.db, scope, 20);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      triggeredBy: r.triggered_by,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      subjects: r.subjects,
      progress: r.progress ? publicProgress(r.progress) : null,
      counts: r.counts ? (JSON.parse(r.counts) as ScanCounts) : null,
      error: r.error,
    }));
  };

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/scans',
    access: rolesWith('warnings.read'),
    summary: 'Recent scans of the user’s jurisdiction and whether one is running',
    tags: ['scans'],
    schema: { response: scansResponse },
    handler: async ({ ctx }) => ({
      scans: await listScans(ctx.scope),
      ...(await scanState(ctx.app, coveringCodes(ctx.scope))),
    }),
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/scans',
    access: rolesWith('scans.start'),
    summary: 'Start a scan of the user’s jurisdiction in the background (incremental unless full)',
    tags: ['scans'],
    schema: { body: startScanBody, response: scansResponse },
    handler: async ({ body, ctx }) => {
      await requestScan(
        ctx.app,
        ctx.scope.code,
        body.full ? 'full' : 'incremental',
        actorOf(requireUser(ctx)),
      );
      await services.jobs.wake();
      return {
        scans: await listScans(ctx.scope),
        ...(await scanState(ctx.app, coveringCodes(ctx.scope))),
      };
    },
  });
}
