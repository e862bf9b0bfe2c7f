import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../appContext.js';
import type { Scope } from '../auth/scope.js';
import type { SessionUser } from '../auth/sessionUser.js';
import type { Language } from '../core/errors.js';
import type { ExchangeCredential } from '../ingest/exchangeCredentials.js';

/** What a route handler gets: never the raw session, always a scope. */
export interface RequestContext {
  app: AppContext;
  /** The signed-in user; null only on public and exchange routes. */
  user: SessionUser | null;
  /** The department credential of an exchange route. */
  exchange: ExchangeCredential | null;
  /**
   * The jurisdiction this request may see: the user's, or for public routes the
   * deployment's. Repository reads take it, so a handler cannot forget it.
   */
  scope: Scope;
  /** The session token (for logout and password change), or null. */
  token: string | null;
  language: Language;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** The signed-in user of a route whose access is not public. */
export function requireUser(ctx: RequestContext): SessionUser {
  if (!ctx.user) throw new Error('requireUser on a public route');
  return ctx.user;
}
