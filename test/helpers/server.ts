import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { systemActor } from '../../src/audit/actor.js';
import { loadJurisdiction } from '../../src/jurisdiction/loadJurisdiction.js';
import { buildServer } from '../../src/server/buildServer.js';
import { testPassword } from '../factories/users.js';
import type { TestContext } from './databases.js';

export const testCounty = '431226000000';

/** Loads the test county into a fresh database and builds the server over it. */
export async function serverFor(
  ctx: TestContext,
  region: string = testCounty,
): Promise<FastifyInstance> {
  await loadJurisdiction(ctx, systemActor, region);
  const server = await buildServer(ctx);
  await server.ready();
  return server;
}

/** Signs in through the API and returns the Cookie header for later requests. */
export async function signIn(
  server: FastifyInstance,
  username: string,
  password = testPassword,
): Promise<string> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.body}`);
  return sessionCookieOf(response);
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new Error('no session cookie');
  return value.split(';')[0]!;
}
