import type { Static, TSchema } from '@sinclair/typebox';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  onRequestAsyncHookHandler,
  onRequestHookHandler,
} from 'fastify';
import type { AppContext } from '../appContext.js';
import { scopeOf, type Scope } from '../auth/scope.js';
import type { SessionUser } from '../auth/sessionUser.js';
import { findSessionUser } from '../auth/sessionsRepository.js';
import { toSessionUser } from '../auth/usersRepository.js';
import { findCredentialByToken, type ExchangeCredential } from '../ingest/exchangeCredentials.js';
import { JianduError } from '../core/errors.js';
import type { JobRunner } from '../jobs/jobWorker.js';
import type { Role } from '../api/roles.js';
import { readCookie, sessionCookie } from './cookies.js';
import { isCrossSiteRequest } from './crossSite.js';
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

/** The largest request body a route takes unless it declares another `bodyLimit`. */
export const defaultBodyLimit = 64 * 1024;

/** What a route's request body is: JSON (the default), or a file's bytes as they are. */
export type BodyType = 'json' | 'bytes';

const mediaTypes: Record<BodyType, string> = {
  json: 'application/json',
  bytes: 'application/octet-stream',
};

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteSchemas {
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response?: TSchema;
}

type Of<S, K extends keyof RouteSchemas> =
  S extends Record<K, infer T extends TSchema> ? Static<T> : undefined;

/**
 * What a handler returns: the response schema's type, so that an answer that drifts from the
 * schema the console is typed by does not compile. A route without one answers through the
 * reply itself (a file, a redirect).
 */
export type RouteReply<S extends RouteSchemas> =
  S extends Record<'response', infer T extends TSchema> ? Static<T> : unknown;

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
  /** Largest JSON body in bytes (default `defaultBodyLimit`); Fastify refuses more unread. */
  bodyLimit?: number;
  /** The body's media type (default JSON); others are refused with 415 before reading. */
  bodyType?: BodyType;
  handler(input: RouteInput<S>): Promise<RouteReply<S>>;
}

export interface RouteServices {
  app: AppContext;
  /** The division the deployment serves: the scope of public routes. */
  rootScope: Scope;
  /** The background worker, woken after a route queues work. */
  jobs: JobRunner;
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

/** Who is calling, as the guard found it before the body was read. */
interface Caller {
  user: SessionUser | null;
  token: string | null;
  exchange: ExchangeCredential | null;
}

/** Per request, kept here so that nothing but defineRoute's handler can read the session. */
const callers = new WeakMap<FastifyRequest, Caller>();

async function callerOf(
  definition: { access: Access },
  services: RouteServices,
  request: FastifyRequest,
): Promise<Caller> {
  if (definition.access === 'exchange') {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const exchange = bearer
      ? ((await findCredentialByToken(services.app.handle.db, bearer)) ?? null)
      : null;
    if (!exchange) throw new JianduError('EXCHANGE_UNAUTHORISED');
    return { user: null, token: null, exchange };
  }
  return { ...(await sessionOf(services.app, request)), exchange: null };
}

/**
 * The path of a number that is not finite in a validated request, or null. Ajv turns the
 * text `1e309` or `Infinity` of a path or query into Infinity and then skips its bounds
 * (they apply to finite numbers only), so the bounded integers of the schemas do not stop it.
 * Iterative: a body may nest deeply.
 */
function nonFinitePath(value: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'number' && !Number.isFinite(next.value)) return next.path;
    if (typeof next.value !== 'object' || next.value === null) continue;
    for (const [key, item] of Object.entries(next.value))
      pending.push({ value: item, path: next.path ? `${next.path}.${key}` : key });
  }
  return null;
}

/** The media type of a request, without parameters, or null when it has none. */
function mediaTypeOf(request: FastifyRequest): string | null {
  const header = request.headers['content-type'];
  if (header === undefined) return null;
  return header.split(';')[0]!.trim().toLowerCase();
}

function carriesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length.trim() !== '0')
  );
}

/**
 * Runs before Fastify reads the body (onRequest), so that a request from another site, an
 * anonymous or unauthorised caller, or a body of the wrong type is refused unread.
 */
function guard<S extends RouteSchemas>(
  definition: RouteDefinition<S>,
  services: RouteServices,
): onRequestAsyncHookHandler {
  const bodyType = definition.bodyType ?? 'json';
  const checksOrigin = stateChanging.has(definition.method) && definition.access !== 'exchange';
  return async (request) => {
    if (checksOrigin && isCrossSiteRequest(request, services.app.config.trustProxy)) {
      // For the operator whose proxy hides the Host: what the browser said and what we saw.
      request.log.warn({
        refused: 'cross-site write',
        origin: request.headers.origin,
        fetchSite: request.headers['sec-fetch-site'],
        host: request.host,
      });
      throw new JianduError('CROSS_SITE_REQUEST');
    }
    const caller = await callerOf(definition, services, request);
    authorise(definition, caller.user);
    if (stateChanging.has(request.method)) {
      const type = mediaTypeOf(request);
      if ((type !== null || carriesBody(request)) && type !== mediaTypes[bodyType]) {
        throw new JianduError('UNSUPPORTED_MEDIA_TYPE', {
          expected: mediaTypes[bodyType],
          received: type ?? { zh: '未注明类型的内容', en: 'a body without a content type' },
        });
      }
    }
    callers.set(request, caller);
  };
}

export function defineRoute<S extends RouteSchemas>(
  fastify: FastifyInstance,
  services: RouteServices,
  definition: RouteDefinition<S>,
): void {
  const { schema } = definition;
  const onRequest: (onRequestHookHandler | onRequestAsyncHookHandler)[] = [];
  // The rate limit comes first, so that a flood is refused before any database lookup.
  if (definition.perMinute)
    onRequest.push(fastify.rateLimit({ max: definition.perMinute, timeWindow: '1 minute' }));
  onRequest.push(guard(definition, services));
  fastify.route({
    method: definition.method,
    url: definition.url,
    config: { access: definition.access },
    bodyLimit: definition.bodyLimit ?? defaultBodyLimit,
    onRequest,
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
      const caller = callers.get(request);
      if (!caller) throw new Error(`${definition.url}: the guard did not run`);
      const { user, token, exchange } = caller;
      const outOfRange =
        nonFinitePath(request.params) ??
        nonFinitePath(request.query) ??
        (schema.body ? nonFinitePath(request.body) : null);
      if (outOfRange !== null) {
        throw new JianduError('INVALID_REQUEST', {
          detail: { zh: `${outOfRange} 超出允许范围`, en: `${outOfRange} is out of range` },
        });
      }
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
