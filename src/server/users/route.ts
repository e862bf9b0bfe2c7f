import { rolesWith } from '../../api/capabilities.js';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../../auth/createUser.js';
import { resetPassword } from '../../auth/resetPassword.js';
import { actorOf } from '../../auth/sessionUser.js';
import { findUserInScope, listUsers } from '../../auth/usersRepository.js';
import { JianduError } from '../../core/errors.js';
import { requireUser } from '../requestContext.js';
import { defineRoute, type RouteServices } from '../routeKit.js';
import {
  createUserBody,
  createUserResponse,
  listUsersResponse,
  oneUserResponse,
  resetPasswordResponse,
  userIdParams,
} from '../../api/users.js';

export function userRoutes(fastify: FastifyInstance, services: RouteServices): void {
  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/users',
    access: rolesWith('users.manage'),
    summary: 'Users in the administrator’s jurisdiction',
    tags: ['users'],
    schema: { response: listUsersResponse },
    handler: async ({ ctx }) => ({ users: await listUsers(ctx.app.handle.db, ctx.scope) }),
  });

  defineRoute(fastify, services, {
    method: 'GET',
    url: '/api/users/:id',
    access: rolesWith('users.manage'),
    summary: 'One user in the administrator’s jurisdiction',
    tags: ['users'],
    schema: { params: userIdParams, response: oneUserResponse },
    handler: async ({ params, ctx }) => {
      const user = await findUserInScope(ctx.app.handle.db, ctx.scope, params.id);
      if (!user) throw new JianduError('USER_NOT_FOUND', { user: params.id });
      return { user };
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/users',
    access: rolesWith('users.manage'),
    summary: 'Create a user in the jurisdiction; returns a one-time password, shown once',
    tags: ['users'],
    schema: { body: createUserBody, response: createUserResponse },
    handler: async ({ body, ctx }) => {
      const user = requireUser(ctx);
      return createUser(ctx.app, actorOf(user), ctx.scope, body);
    },
  });

  defineRoute(fastify, services, {
    method: 'POST',
    url: '/api/users/:id/password-reset',
    access: rolesWith('users.manage'),
    summary: 'Give a user a new one-time password; their sessions end',
    tags: ['users'],
    schema: { params: userIdParams, response: resetPasswordResponse },
    handler: async ({ params, ctx }) => {
      const target = await findUserInScope(ctx.app.handle.db, ctx.scope, params.id);
      if (!target) throw new JianduError('USER_NOT_FOUND', { user: params.id });
      const oneTimePassword = await resetPassword(
        ctx.app,
        actorOf(requireUser(ctx)),
        ctx.scope,
        target.username,
      );
      return { oneTimePassword };
    },
  });
}
