import type { FastifyInstance } from 'fastify';
import { describeDivision } from '../../jurisdiction/describeDivision.js';
import { areasWithVillageCounts } from '../../jurisdiction/divisionsRepository.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { portalHomeResponse } from '../../api/portal.js';

export function portalRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/public/home',
    access: 'public',
    summary: 'The public portal’s home: the jurisdiction and the divisions directly below it',
    tags: ['public'],
    schema: { response: portalHomeResponse },
    handler: async ({ ctx }) => {
      const db = ctx.app.handle.db;
      const [jurisdiction, areas] = await Promise.all([
        describeDivision(db, ctx.scope.code),
        areasWithVillageCounts(db, ctx.scope),
      ]);
      return { jurisdiction, areas };
    },
  });
}
