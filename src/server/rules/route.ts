import type { FastifyInstance } from 'fastify';
import { rolesWith } from '../../api/capabilities.js';
import { rulePrecisionQuery, rulePrecisionResponse } from '../../api/warnings.js';
import { assertInScope, scopeOf, type Scope } from '../../auth/scope.js';
import { normaliseDivisionCode } from '../../core/divisionCode.js';
import { JianduError } from '../../core/errors.js';
import { rulePrecision } from '../../warnings/rulePrecision.js';
import { defineRoute, type RouteServices } from '../routeKit.js';

export function ruleRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/rules/precision',
    access: rolesWith('warnings.read'),
    summary:
      'How often each rule’s judged warnings held in the user’s jurisdiction (or a division inside it): judged, confirmed, corrected, dismissed, shares, the learned order’s weight and the figures in words',
    tags: ['warnings'],
    schema: { querystring: rulePrecisionQuery, response: rulePrecisionResponse },
    handler: async ({ query, ctx }) => {
      let division: Scope | undefined;
      if (query.division) {
        const code = normaliseDivisionCode(query.division);
        if (!code) throw new JianduError('UNKNOWN_REGION', { code: query.division });
        assertInScope(ctx.scope, code);
        division = scopeOf(code);
      }
      return {
        rules: await rulePrecision(ctx.app.handle.db, ctx.scope, {
          ...(division ? { division } : {}),
          language: ctx.language === 'en' ? 'en' : 'zh',
        }),
      };
    },
  });
}
