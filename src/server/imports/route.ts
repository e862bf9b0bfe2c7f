import { can, rolesWith } from '../../api/capabilities.js';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../appContext.js';
import { inScope } from '../../auth/scope.js';
import { actorOf } from '../../auth/sessionUser.js';
import { JianduError, type Language } from '../../core/errors.js';
import { redactText } from '../../core/redact.js';
import { isDiskFull } from '../../db/openDatabase.js';
import { cleanupAbandonedImports } from '../../ingest/abandonedImports.js';
import { datasetOrFail } from '../../ingest/importFile.js';
import {
  findImportJob,
  importLimits,
  queueImport,
  queuePosition,
  reserveUpload,
  type ImportJob,
} from '../../ingest/importJobs.js';
import { newUploadPath } from '../../ingest/uploadFiles.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { importJobResponse, importQuery, jobParams } from '../../api/imports.js';

/** The largest file a clerk may upload (a million rows of payments is about 150 MB). */
export const maxUploadBytes = 512 * 1024 * 1024;

function jobView(job: ImportJob, position: number | null, language: Language) {
  return {
    id: job.id,
    dataset: job.dataset,
    fileName: job.fileName,
    state: job.state,
    queuePosition: position,
    progress: job.progress,
    startedAt: job.startedAt,
    endedAt: job.endedAt,
    summary: job.summary,
    error: job.error ? { code: job.error.code, message: job.error.message[language] } : null,
  };
}

/**
 * Saves the uploaded bytes to a private file in the deployment's uploads folder, refusing
 * anything too large; nothing is left of an upload that fails.
 */
async function saveUpload(app: AppContext, body: unknown, fileName: string): Promise<string> {
  if (!(body instanceof Readable)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: { zh: '没有收到文件', en: 'no file was sent' },
    });
  }
  const file = newUploadPath(app);
  let bytes = 0;
  const stream = body;
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxUploadBytes)
      stream.destroy(
        new JianduError('FILE_TOO_LARGE', {
          path: fileName,
          detail: {
            zh: '超过 512 MB 的上传上限，请拆分成几个文件再导入',
            en: 'larger than the 512 MB upload limit; split it into several files',
          },
        }),
      );
  });
  try {
    await pipeline(stream, fs.createWriteStream(file, { mode: 0o600, flags: 'wx' }));
  } catch (error) {
    fs.rmSync(file, { force: true });
    if (isDiskFull(error)) throw new JianduError('DISK_FULL', {}, { cause: error });
    throw error;
  }
  return file;
}

export function importRoutes(fastify: FastifyInstance, services: RouteServices): void {
  // What a server that was killed left behind (uploads, half-written batches) goes when the
  // next one starts, not only when someone next imports.
  fastify.addHook('onReady', async () => {
    try {
      await cleanupAbandonedImports(services.app);
    } catch (error) {
      fastify.log.error({ cleanup: 'imports', message: redactText(String(error)) });
    }
  });
  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/imports',
    access: rolesWith('batches.import'),
    summary:
      'Upload a template file (body: the file’s bytes, application/octet-stream); the import runs in the background',
    tags: ['imports'],
    schema: { querystring: importQuery, response: importJobResponse },
    bodyType: 'bytes',
    handler: async ({ query, ctx }) => {
      const user = requireUser(ctx);
      datasetOrFail(query.dataset);
      const ticket = await reserveUpload(ctx.app, user.id, importLimits(ctx.app.config));
      let job: ImportJob;
      try {
        const file = await saveUpload(ctx.app, ctx.request.body, query.fileName);
        try {
          job = await queueImport(ctx.app, ticket, actorOf(user), {
            dataset: query.dataset,
            fileName: query.fileName,
            uploadPath: file,
            jurisdiction: ctx.scope.code,
            ...(query.source ? { source: query.source } : {}),
            ...(query.fixes ? { fixes: query.fixes } : {}),
          });
        } catch (error) {
          fs.rmSync(file, { force: true });
          throw error;
        }
      } finally {
        ticket.release();
      }
      // Taken at once when a place is free: told as running, whatever it did since.
      if ((await services.jobs.wake()).includes(job.id)) {
        return { job: jobView({ ...job, state: 'running' }, null, ctx.language) };
      }
      return { job: jobView(job, await queuePosition(ctx.app, job), ctx.language) };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/imports/:id',
    access: rolesWith('batches.import'),
    summary: 'Progress and result of an import started from the console',
    tags: ['imports'],
    schema: { params: jobParams, response: importJobResponse },
    handler: async ({ params, ctx }) => {
      const user = requireUser(ctx);
      const job = await findImportJob(ctx.app, params.id);
      if (
        !job ||
        (job.ownerId !== user.id &&
          !(can(user.role, 'imports.readOthers') && inScope(ctx.scope, job.jurisdictionCode)))
      ) {
        throw new JianduError('NOT_FOUND', { what: params.id });
      }
      return { job: jobView(job, await queuePosition(ctx.app, job), ctx.language) };
    },
  });
}
