import type { FastifyInstance } from 'fastify';
import { auditedWrite } from '../../audit/auditedWrite.js';
import { login } from '../../auth/login.js';
import { deleteSession } from '../../auth/sessionsRepository.js';
import { actorOf } from '../../auth/sessionUser.js';
import { findUserById } from '../../auth/usersRepository.js';
import { setSessionCookie } from '../cookies.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { loginBody, loginResponse } from '../../api/session.js';

export function sessionRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/session',
    access: 'public',
    summary: 'Sign in with user name and password; sets the session cookie',
    tags: ['session'],
    schema: { body: loginBody, response: loginResponse },
    perMinute: 20,
    handler: async ({ body, ctx }) => {
      const { token, user } = await login(ctx.app, {
        username: body.username,
        password: body.password,
        ip: ctx.request.ip,
        userAgent: ctx.request.headers['user-agent'] ?? null,
      });
      const config = ctx.app.config;
      setSessionCookie(
        ctx.request,
        ctx.reply,
        token,
        config.sessionHours * 3600,
        config.cookieSecure,
      );
      return { user };
    },
  });

  defineRoute(fastify, services, {
    method: 'DELETE',
    url: '/api/session',
    access: 'user',
    allowedBeforePasswordChange: true,
    summary: 'Sign out: ends this session',
    tags: ['session'],
    schema: {},
    handler: async ({ ctx }) => {
      const user = requireUser(ctx);
      const row = await findUserById(ctx.app.handle.db, user.id);
      if (row && ctx.token) {
        const token = ctx.token;
        await auditedWrite(ctx.app, actorOf(user), (scope) => deleteSession(scope, token, row));
      }
      setSessionCookie(ctx.request, ctx.reply, null, 0, ctx.app.config.cookieSecure);
      return { ok: true };
    },
  });
}
