import { rolesWith } from '../../api/capabilities.js';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../auth/sessionUser.js';
import { JianduError } from '../../core/errors.js';
import { redactText } from '../../core/redact.js';
import {
  findBatch,
  findVisibleBatch,
  listBatches,
  toBatchView,
} from '../../ingest/batchesRepository.js';
import { fixTableCsv, writeFixTableXlsx } from '../../ingest/quarantineExport.js';
import { countQuarantine, listQuarantine } from '../../ingest/quarantineRepository.js';
import {
  approveBatch,
  minValidity,
  rejectBatch,
  rollbackBatch,
  type Reviewer,
} from '../../ingest/reviewBatch.js';
import { requestScan } from '../../rules/scanQueue.js';
import type { RequestContext } from '../requestContext.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  approveBody,
  batchListQuery,
  batchListResponse,
  batchParams,
  batchResponse,
  exportParams,
  quarantineQuery,
  quarantineResponse,
  reasonBody,
} from '../../api/batches.js';

/** Everyone who works with data may read batches; inspectors and leaders see what came in. */

function reviewerOf(ctx: RequestContext): Reviewer {
  const user = requireUser(ctx);
  return { actor: actorOf(user), role: user.role, scope: ctx.scope };
}

/**
 * Queues the scan that re-checks what a review changed, and wakes the worker. The review is
 * already committed: should the queueing fail, the next scan (incremental, from the last
 * scanned approval on) still covers this batch, so the reviewer is not told of a failure.
 */
async function scanAfterReview(ctx: RequestContext, services: RouteServices): Promise<void> {
  try {
    await requestScan(ctx.app, services.rootScope.code, 'incremental', reviewerOf(ctx).actor);
    await services.jobs.wake();
  } catch (error) {
    ctx.request.log.error({ job: 'scan', message: redactText(String(error)) });
  }
}

/** A batch the user's jurisdiction covers whole (its quarantine may hold other townships' rows). */
async function batchOrFail(ctx: RequestContext, id: number) {
  const batch = await findBatch(ctx.app.handle.db, ctx.scope, id);
  if (!batch) throw new JianduError('BATCH_NOT_FOUND', { batch: id });
  return batch;
}

export function batchRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/batches',
    access: rolesWith('batches.read'),
    summary: 'Import batches of the user’s jurisdiction, newest first',
    tags: ['batches'],
    schema: { querystring: batchListQuery, response: batchListResponse },
    handler: async ({ query, ctx }) => ({
      batches: await listBatches(ctx.app.handle.db, ctx.scope, {
        limit: query.limit ?? 50,
        ...(query.dataset ? { dataset: query.dataset } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.before ? { beforeId: query.before } : {}),
      }),
    }),
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/batches/:id',
    access: rolesWith('batches.read'),
    summary:
      'One batch with its provenance, counts, quality report and the validity its approval needs',
    tags: ['batches'],
    schema: { params: batchParams, response: batchResponse },
    handler: async ({ params, ctx }) => {
      const batch = await findVisibleBatch(ctx.app.handle.db, ctx.scope, params.id);
      if (!batch) throw new JianduError('BATCH_NOT_FOUND', { batch: params.id });
      return {
        batch: toBatchView(batch, ctx.scope),
        validityThreshold: await minValidity(ctx.app, batch.jurisdiction_code),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/batches/:id/quarantine',
    access: rolesWith('batches.read'),
    summary: 'The quarantined rows of a batch, as given, with every reason',
    tags: ['batches'],
    schema: { params: batchParams, querystring: quarantineQuery, response: quarantineResponse },
    handler: async ({ params, query, ctx }) => {
      await batchOrFail(ctx, params.id);
      const db = ctx.app.handle.db;
      const unresolvedOnly = !query.all;
      const rows = await listQuarantine(db, params.id, {
        unresolvedOnly,
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      });
      return {
        total: await countQuarantine(db, params.id, unresolvedOnly),
        rows: rows.map((r) => ({
          rowNumber: r.rowNumber,
          raw: r.raw,
          problems: r.problems.map((p) => ({
            field: p.field,
            header: p.header,
            value: p.value,
            code: p.code,
            reason: ctx.language === 'en' ? p.en : p.zh,
          })),
          resolved: r.resolvedBatchId !== null,
        })),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/batches/:id/quarantine.:format',
    access: rolesWith('batches.read'),
    summary: 'The quarantined rows as a file to fix and import again (XLSX or CSV)',
    tags: ['batches'],
    schema: { params: exportParams },
    handler: async ({ params, ctx }) => {
      const batch = await batchOrFail(ctx, params.id);
      const rows = await listQuarantine(ctx.app.handle.db, params.id, { unresolvedOnly: true });
      const name = encodeURIComponent(`批次${batch.id}-隔离行.${params.format}`);
      void ctx.reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      if (params.format === 'csv') {
        return ctx.reply.type('text/csv; charset=utf-8').send(fixTableCsv(rows));
      }
      const stream = new PassThrough();
      void ctx.reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const done = writeFixTableXlsx(rows, stream);
      done.catch((error: unknown) =>
        stream.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return ctx.reply.send(stream);
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/batches/:id/approve',
    access: rolesWith('batches.review'),
    summary: 'Approve a pending batch (a reviewer other than the uploader); its rows go live',
    tags: ['batches'],
    schema: { params: batchParams, body: approveBody, response: batchResponse },
    handler: async ({ params, body, ctx }) => {
      const batch = await approveBatch(ctx.app, reviewerOf(ctx), params.id, {
        ...(body.override ? { override: true } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
      });
      // New live data: re-check the people it touches.
      await scanAfterReview(ctx, services);
      return { batch };
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/batches/:id/reject',
    access: rolesWith('batches.review'),
    summary: 'Send a pending batch back with a reason',
    tags: ['batches'],
    schema: { params: batchParams, body: reasonBody, response: batchResponse },
    handler: async ({ params, body, ctx }) => ({
      batch: await rejectBatch(ctx.app, reviewerOf(ctx), params.id, body.reason),
    }),
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/batches/:id/rollback',
    access: rolesWith('batches.rollback'),
    summary: 'Take an approved batch out of live data (administrators); the rows stay in history',
    tags: ['batches'],
    schema: { params: batchParams, body: reasonBody, response: batchResponse },
    handler: async ({ params, body, ctx }) => {
      const batch = await rollbackBatch(ctx.app, reviewerOf(ctx), params.id, body.reason);
      await scanAfterReview(ctx, services);
      return { batch };
    },
  });
}
