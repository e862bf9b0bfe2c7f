import type { FastifyInstance } from 'fastify';
import { changePassword } from '../../auth/changePassword.js';
import { describeDivision } from '../../jurisdiction/describeDivision.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import { changePasswordBody, meResponse } from '../../api/me.js';

export function meRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/me',
    access: 'user',
    allowedBeforePasswordChange: true,
    summary: 'The signed-in user, with role and jurisdiction',
    tags: ['me'],
    schema: { response: meResponse },
    handler: async ({ ctx }) => {
      const user = requireUser(ctx);
      return {
        user,
        jurisdiction: await describeDivision(ctx.app.handle.db, user.jurisdictionCode),
      };
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/me/password',
    access: 'user',
    allowedBeforePasswordChange: true,
    summary: 'Replace the password (required after a one-time password); ends other sessions',
    tags: ['me'],
    schema: { body: changePasswordBody },
    perMinute: 10,
    handler: async ({ body, ctx }) => {
      await changePassword(ctx.app, requireUser(ctx), {
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        keepToken: ctx.token,
      });
      return { ok: true };
    },
  });
}
