import type { FastifyInstance } from 'fastify';
import { assertInScope } from '../../auth/scope.js';
import { normaliseDivisionCode } from '../../core/divisionCode.js';
import { JianduError } from '../../core/errors.js';
import {
  childDivisions,
  divisionPath,
  findDivision,
  type Division,
} from '../../jurisdiction/divisionsRepository.js';
import { isNationalDivision } from '../../jurisdiction/nationalDivisions.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  divisionParams,
  divisionResponse,
  divisionsQuery,
  divisionsResponse,
} from '../../api/divisions.js';

function view(d: Division): {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
} {
  return { code: d.code, name: d.name, level: d.level, parentCode: d.parent_code };
}

function codeOrFail(raw: string): string {
  const code = normaliseDivisionCode(raw);
  if (!code || !isNationalDivision(code)) throw new JianduError('UNKNOWN_REGION', { code: raw });
  return code;
}

export function divisionRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/divisions',
    access: 'user',
    summary:
      'Divisions directly below `parent` (default: the user’s own division) within the user’s jurisdiction',
    tags: ['divisions'],
    schema: { querystring: divisionsQuery, response: divisionsResponse },
    handler: async ({ query, ctx }) => {
      const parent = query.parent === undefined ? ctx.scope.code : codeOrFail(query.parent);
      const rows = await childDivisions(ctx.app.handle.db, ctx.scope, parent);
      return { divisions: rows.map(view) };
    },
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/divisions/:code',
    access: 'user',
    summary: 'One division in the user’s jurisdiction, with its path and children',
    tags: ['divisions'],
    schema: { params: divisionParams, response: divisionResponse },
    handler: async ({ params, ctx }) => {
      const code = codeOrFail(params.code);
      assertInScope(ctx.scope, code);
      const db = ctx.app.handle.db;
      const division = await findDivision(db, code);
      if (!division) throw new JianduError('NOT_FOUND', { what: code });
      const [path, children] = await Promise.all([
        divisionPath(db, code),
        childDivisions(db, ctx.scope, code),
      ]);
      return { division: view(division), path: path.map(view), children: children.map(view) };
    },
  });
}
