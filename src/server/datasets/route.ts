import { rolesWith } from '../../api/capabilities.js';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { auditedWrite } from '../../audit/auditedWrite.js';
import { actorOf } from '../../auth/sessionUser.js';
import { dataToday } from '../../settings/dataToday.js';
import { datasets } from '../../ingest/datasets/index.js';
import { findHeaderMapping, saveHeaderMapping } from '../../ingest/headerMappingsRepository.js';
import { datasetOrFail } from '../../ingest/importFile.js';
import { countLiveRows } from '../../ingest/liveRows.js';
import type { RequestContext } from '../requestContext.js';
import { datasetQuality } from '../../ingest/quality.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  datasetParams,
  datasetsResponse,
  mappingBody,
  mappingParams,
  mappingResponse,
  qualityResponse,
} from '../../api/datasets.js';

export function datasetRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/datasets',
    access: rolesWith('batches.read'),
    summary:
      'The import templates (docs/reference/datasets.md): fields, Chinese headers, required columns, allowed values',
    tags: ['datasets'],
    schema: { response: datasetsResponse },
    handler: ({ ctx }) =>
      Promise.resolve({
        datasets: Object.values(datasets).map((d) => ({
          key: d.key,
          name: ctx.language === 'en' ? d.name.en : d.name.zh,
          department: d.department,
          fields: d.fields.map((f) => ({
            key: f.key,
            header: f.header,
            required: f.required,
            kind: f.type.kind,
            ...(f.type.kind === 'enum' ? { values: [...f.type.values] } : {}),
          })),
        })),
      }),
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/datasets/:key/quality',
    access: rolesWith('batches.read'),
    summary:
      'Quality of a dataset’s live data on five dimensions, with the counts behind each score',
    tags: ['datasets'],
    schema: { params: datasetParams, response: qualityResponse },
    handler: async ({ params, ctx }) => {
      const definition = datasetOrFail(params.key);
      const db = ctx.app.handle.db;
      const quality = await datasetQuality(db, definition, await dataToday(db));
      return {
        quality,
        liveRows: await countLiveRows(db, definition),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/datasets/:key/template.xlsx',
    access: rolesWith('batches.read'),
    summary: 'An empty template to fill in, with the Chinese headers (required ones marked *)',
    tags: ['datasets'],
    schema: { params: datasetParams },
    handler: async ({ params, ctx }) => {
      const definition = datasetOrFail(params.key);
      const stream = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
      const sheet = workbook.addWorksheet(definition.name.zh);
      sheet.columns = definition.fields.map((f) => ({
        header: `${f.header}${f.required ? '*' : ''}`,
        width: Math.max(12, f.header.length * 2 + 4),
        style: { numFmt: '@' },
      }));
      sheet.commit();
      void ctx.reply
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${definition.name.zh}模板.xlsx`)}`,
        )
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      workbook
        .commit()
        .catch((error: unknown) =>
          stream.destroy(error instanceof Error ? error : new Error(String(error))),
        );
      return ctx.reply.send(stream);
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/datasets/:key/header-mappings/:source',
    access: rolesWith('batches.import'),
    summary:
      'The saved column names a source’s files are read with in the user’s jurisdiction (its own, or the nearest jurisdiction’s above it)',
    tags: ['datasets'],
    schema: { params: mappingParams, response: mappingResponse },
    handler: async ({ params, ctx }) => mappingView(ctx, params.key, params.source),
  });

  defineRoute(fastify, services, {
    method: 'PUT',
    url: '/api/datasets/:key/header-mappings/:source',
    access: rolesWith('batches.review'),
    summary:
      'Save a source’s own column names (header → template key) for the user’s jurisdiction (reviewers and administrators; audited); template headers keep their meaning',
    tags: ['datasets'],
    schema: { params: mappingParams, body: mappingBody, response: mappingResponse },
    handler: async ({ params, body, ctx }) => {
      const definition = datasetOrFail(params.key);
      await auditedWrite(ctx.app, actorOf(requireUser(ctx)), (scope) =>
        saveHeaderMapping(scope, definition, params.source, ctx.scope, body.mapping),
      );
      return mappingView(ctx, params.key, params.source);
    },
  });
}

async function mappingView(ctx: RequestContext, key: string, source: string) {
  const definition = datasetOrFail(key);
  const saved = await findHeaderMapping(ctx.app.handle.db, definition.key, source, ctx.scope);
  return {
    mapping: saved?.mapping ?? {},
    jurisdictionCode: saved?.jurisdictionCode ?? null,
    savedBy: saved?.savedBy ?? null,
    savedAt: saved?.savedAt ?? null,
  };
}
