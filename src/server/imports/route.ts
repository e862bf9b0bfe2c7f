import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { inScope } from '../../auth/scope.js';
import { actorOf } from '../../auth/sessionUser.js';
import { isJianduError, JianduError, type Language } from '../../core/errors.js';
import { importFile, datasetOrFail } from '../../ingest/importFile.js';
import { findImportJob, startImportJob, type ImportJob } from '../../ingest/importJobs.js';
import { importerRoles } from '../../ingest/importRoles.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { importJobResponse, importQuery, jobParams } from './schema.js';

/** The largest file a clerk may upload (a million rows of payments is about 150 MB). */
export const maxUploadBytes = 512 * 1024 * 1024;

function jobView(job: ImportJob, language: Language) {
  return {
    id: job.id,
    dataset: job.dataset,
    fileName: job.fileName,
    state: job.state,
    progress: job.progress,
    startedAt: job.startedAt,
    endedAt: job.endedAt,
    summary: job.summary as Record<string, unknown> | null,
    error: job.error ? { code: job.error.code, message: job.error.message[language] } : null,
  };
}

/** Saves the uploaded bytes to a private temporary file, refusing anything too large. */
async function saveUpload(body: unknown): Promise<string> {
  if (!(body instanceof Readable)) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: { zh: '没有收到文件', en: 'no file was sent' },
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-upload-'));
  const file = path.join(dir, crypto.randomUUID());
  let bytes = 0;
  const stream = body;
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxUploadBytes)
      stream.destroy(
        new JianduError('INVALID_ARGUMENT', {
          detail: { zh: '文件超过 512 MB', en: 'file larger than 512 MB' },
        }),
      );
  });
  try {
    await pipeline(stream, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return file;
}

export function importRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/imports',
    access: importerRoles,
    summary:
      'Upload a template file (body: the file’s bytes, application/octet-stream); the import runs in the background',
    tags: ['imports'],
    schema: { querystring: importQuery, response: importJobResponse },
    bodyType: 'bytes',
    handler: async ({ query, ctx }) => {
      const user = requireUser(ctx);
      datasetOrFail(query.dataset);
      const file = await saveUpload(ctx.request.body);
      const job = startImportJob(
        { id: user.id, jurisdictionCode: user.jurisdictionCode },
        query.dataset,
        query.fileName,
        (onProgress) =>
          importFile(ctx.app, {
            dataset: query.dataset,
            filePath: file,
            fileName: query.fileName,
            actor: actorOf(user),
            scope: ctx.scope,
            onProgress,
            ...(query.source ? { source: query.source } : {}),
            ...(query.fixes ? { fixes: query.fixes } : {}),
          }).finally(() => fs.rmSync(path.dirname(file), { recursive: true, force: true })),
        (error) =>
          isJianduError(error)
            ? { code: error.code, message: { zh: error.text('zh'), en: error.text('en') } }
            : {
                code: 'INTERNAL',
                message: {
                  zh: '导入失败，请联系管理员',
                  en: 'The import failed; contact the administrator',
                },
              },
      );
      return { job: jobView(job, ctx.language) };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/imports/:id',
    access: importerRoles,
    summary: 'Progress and result of an import started from the console',
    tags: ['imports'],
    schema: { params: jobParams, response: importJobResponse },
    handler: ({ params, ctx }) => {
      const user = requireUser(ctx);
      const job = findImportJob(params.id);
      if (
        !job ||
        (job.ownerId !== user.id &&
          !(user.role === 'admin' && inScope(ctx.scope, job.jurisdictionCode)))
      ) {
        throw new JianduError('NOT_FOUND', { what: params.id });
      }
      return Promise.resolve({ job: jobView(job, ctx.language) });
    },
  });
}
