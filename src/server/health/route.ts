import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/pingDatabase.js';
import { defineRoute, type RouteServices } from '../routeKit.js';

export function healthRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: 'Liveness: the server runs and its database answers',
    tags: ['health'],
    schema: { response: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
    handler: async ({ ctx }) => {
      await pingDatabase(ctx.app.handle.db);
      return { status: 'ok' as const, database: ctx.app.handle.dialect };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/openapi.json',
    access: 'public',
    summary: 'This API as an OpenAPI 3 document',
    tags: ['health'],
    schema: {},
    handler: () => Promise.resolve(fastify.swagger()),
  });
}
