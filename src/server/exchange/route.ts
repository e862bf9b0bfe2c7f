import { rolesWith } from '../../api/capabilities.js';
import type { FastifyInstance } from 'fastify';
import { auditedWrite } from '../../audit/auditedWrite.js';
import { assertInScope } from '../../auth/scope.js';
import { actorOf } from '../../auth/sessionUser.js';
import { normaliseDivisionCode } from '../../core/divisionCode.js';
import { JianduError } from '../../core/errors.js';
import { datasetKeys, isDatasetKey, type DatasetKey } from '../../ingest/datasetDefinition.js';
import {
  createExchangeCredential,
  listExchangeCredentials,
  markCredentialUsed,
  revokeExchangeCredential,
} from '../../ingest/exchangeCredentials.js';
import { datasetOrFail } from '../../ingest/importFile.js';
import { importTable } from '../../ingest/importTable.js';
import { findHeaderMapping, mappingUse } from '../../ingest/headerMappingsRepository.js';
import { sizeText } from '../errorHandler.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  createCredentialBody,
  createCredentialResponse,
  credentialParams,
  credentialsResponse,
  exchangeBody,
  exchangeParams,
  exchangeResponse,
} from '../../api/exchange.js';
import { exchangeLimits, recordColumns } from '../../ingest/recordsTable.js';

export function exchangeRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/exchange/:dataset',
    access: 'exchange',
    summary: `A department system pushes records as JSON (Authorization: Bearer <credential>); they go through the same validation, quarantine and review as a file. At most ${exchangeLimits.maxRecords.toLocaleString('en')} records and ${sizeText(exchangeLimits.maxBytes)} of JSON a request (413 beyond); keys not in the template are kept as extra attributes, at most ${exchangeLimits.maxUnknownKeys} distinct ones a request (400 beyond); keys up to ${exchangeLimits.maxKeyLength} characters, values up to ${exchangeLimits.maxValueLength.toLocaleString('en')}`,
    tags: ['exchange'],
    schema: { params: exchangeParams, body: exchangeBody, response: exchangeResponse },
    perMinute: 120,
    bodyLimit: exchangeLimits.maxBytes,
    handler: async ({ params, body, ctx }) => {
      const credential = ctx.exchange!;
      const definition = datasetOrFail(params.dataset);
      if (!credential.datasets.includes(definition.key)) {
        throw new JianduError('EXCHANGE_FORBIDDEN', { dataset: definition.name });
      }
      const saved = await findHeaderMapping(
        ctx.app.handle.db,
        definition.key,
        credential.source,
        ctx.scope,
      );
      const mapping = saved?.mapping;
      // Keys nobody knows are refused here, cheaply, before an import starts; the records are
      // then validated as a file's rows are (in a worker thread when there are many).
      recordColumns(definition, body.rows, mapping);
      const summary = await importTable(ctx.app, {
        definition,
        source: credential.source,
        channel: 'exchange',
        fileName: null,
        table: { kind: 'records', records: body.rows },
        ...(saved ? { headerMapping: saved.mapping, headerMappingUse: mappingUse(saved) } : {}),
        actor: { id: null, name: `exchange:${credential.name}` },
        scope: ctx.scope,
      });
      await markCredentialUsed(ctx.app.handle.db, credential.id);
      return { summary };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/exchange-credentials',
    access: rolesWith('exchange.manage'),
    summary: 'Exchange credentials of the jurisdiction (tokens are never shown again)',
    tags: ['exchange'],
    schema: { response: credentialsResponse },
    handler: async ({ ctx }) => ({
      credentials: await listExchangeCredentials(ctx.app.handle.db, ctx.scope),
    }),
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/exchange-credentials',
    access: rolesWith('exchange.manage'),
    summary: 'Give a department a credential for some datasets; the token is shown once',
    tags: ['exchange'],
    schema: { body: createCredentialBody, response: createCredentialResponse },
    handler: async ({ body, ctx }) => {
      const user = requireUser(ctx);
      const unknown = body.datasets.filter((d) => !isDatasetKey(d));
      if (unknown.length > 0)
        throw new JianduError('UNKNOWN_DATASET', {
          dataset: unknown.join(', '),
          known: datasetKeys.join(', '),
        });
      const code = body.jurisdictionCode
        ? normaliseDivisionCode(body.jurisdictionCode)
        : ctx.scope.code;
      if (!code) throw new JianduError('UNKNOWN_REGION', { code: body.jurisdictionCode ?? '' });
      assertInScope(ctx.scope, code);
      return auditedWrite(ctx.app, actorOf(user), (scope) =>
        createExchangeCredential(scope, {
          name: body.name,
          source: body.source,
          datasets: body.datasets as DatasetKey[],
          jurisdictionCode: code,
        }),
      );
    },
  });

  defineRoute(fastify, services, {
    method: 'DELETE',
    url: '/api/exchange-credentials/:id',
    access: rolesWith('exchange.manage'),
    summary: 'Revoke an exchange credential',
    tags: ['exchange'],
    schema: { params: credentialParams },
    handler: async ({ params, ctx }) => {
      const mine = (await listExchangeCredentials(ctx.app.handle.db, ctx.scope)).find(
        (c) => c.id === params.id,
      );
      if (!mine) throw new JianduError('NOT_FOUND', { what: `credential ${params.id}` });
      await auditedWrite(ctx.app, actorOf(requireUser(ctx)), (scope) =>
        revokeExchangeCredential(scope, params.id),
      );
      return { ok: true };
    },
  });
}
