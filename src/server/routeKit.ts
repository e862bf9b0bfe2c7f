import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { AppContext } from '../appContext.js';
import { scopeOf, type Scope } from '../auth/scope.js';
import type { SessionUser } from '../auth/sessionUser.js';
import { findSessionUser } from '../auth/sessionsRepository.js';
import { toSessionUser } from '../auth/usersRepository.js';
import { findCredentialByToken, type ExchangeCredential } from '../ingest/exchangeCredentials.js';
import { JianduError } from '../core/errors.js';
import type { Role } from '../shared/roles.js';
import { readCookie, sessionCookie } from './cookies.js';
import { requestLanguage } from './language.js';
import type { RequestContext } from './requestContext.js';

/**
 * Who may call a route: anyone (the public portal), any signed-in user, users of the
 * listed roles, or a department system holding an exchange credential (Bearer token).
 * Every API route is declared through `defineRoute`, which is the one place
 * where the session is read and the request's jurisdiction scope is set; a test checks
 * that no API route was registered any other way.
 */
export type Access = 'public' | 'user' | 'exchange' | readonly Role[];

export interface RouteSchemas {
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response?: TSchema;
}

type Of<S, K extends keyof RouteSchemas> =
  S extends Record<K, infer T extends TSchema> ? Static<T> : undefined;

export interface RouteInput<S extends RouteSchemas> {
  params: Of<S, 'params'>;
  query: Of<S, 'querystring'>;
  body: Of<S, 'body'>;
  ctx: RequestContext;
}

export interface RouteDefinition<S extends RouteSchemas> {
  method: HTTPMethods;
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  schema: S;
  /** Reachable while the user still has to replace a one-time password. */
  allowedBeforePasswordChange?: boolean;
  /** Rate limit per client address: requests per minute. */
  perMinute?: number;
  handler(input: RouteInput<S>): Promise<unknown>;
}

export interface RouteServices {
  app: AppContext;
  /** The division the deployment serves: the scope of public routes. */
  rootScope: Scope;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by defineRoute only. */
    access?: Access;
  }
}

async function sessionOf(
  app: AppContext,
  request: FastifyRequest,
): Promise<{ user: SessionUser | null; token: string | null }> {
  const token = readCookie(request, sessionCookie);
  if (!token) return { user: null, token: null };
  const row = await findSessionUser(app.handle.db, token);
  return row ? { user: toSessionUser(row), token } : { user: null, token: null };
}

function authorise<S extends RouteSchemas>(
  definition: RouteDefinition<S>,
  user: SessionUser | null,
): void {
  if (definition.access === 'public' || definition.access === 'exchange') return;
  if (!user) throw new JianduError('UNAUTHENTICATED');
  if (user.mustChangePassword && !definition.allowedBeforePasswordChange) {
    throw new JianduError('PASSWORD_CHANGE_REQUIRED');
  }
  if (definition.access !== 'user' && !definition.access.includes(user.role)) {
    throw new JianduError('FORBIDDEN');
  }
}

export function defineRoute<S extends RouteSchemas>(
  fastify: FastifyInstance,
  services: RouteServices,
  definition: RouteDefinition<S>,
): void {
  const { schema } = definition;
  fastify.route({
    method: definition.method,
    url: definition.url,
    config: {
      access: definition.access,
      ...(definition.perMinute
        ? { rateLimit: { max: definition.perMinute, timeWindow: '1 minute' } }
        : {}),
    },
    schema: {
      summary: definition.summary,
      tags: definition.tags,
      ...(schema.params ? { params: schema.params } : {}),
      ...(schema.querystring ? { querystring: schema.querystring } : {}),
      ...(schema.body ? { body: schema.body } : {}),
      ...(schema.response ? { response: { 200: schema.response } } : {}),
      ...(definition.access === 'public'
        ? {}
        : definition.access === 'exchange'
          ? { security: [{ exchange: [] }] }
          : { security: [{ session: [] }] }),
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      let exchange: ExchangeCredential | null = null;
      let session: { user: SessionUser | null; token: string | null } = { user: null, token: null };
      if (definition.access === 'exchange') {
        const header = request.headers.authorization ?? '';
        const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        exchange = bearer
          ? ((await findCredentialByToken(services.app.handle.db, bearer)) ?? null)
          : null;
        if (!exchange) throw new JianduError('EXCHANGE_UNAUTHORISED');
      } else {
        session = await sessionOf(services.app, request);
      }
      const { user, token } = session;
      authorise(definition, user);
      const ctx: RequestContext = {
        app: services.app,
        user,
        exchange,
        scope: exchange
          ? scopeOf(exchange.jurisdictionCode)
          : definition.access === 'public' || !user
            ? services.rootScope
            : scopeOf(user.jurisdictionCode),
        token,
        language: requestLanguage(request),
        request,
        reply,
      };
      return definition.handler({
        params: request.params as Of<S, 'params'>,
        query: request.query as Of<S, 'querystring'>,
        body: request.body as Of<S, 'body'>,
        ctx,
      });
    },
  });
}
