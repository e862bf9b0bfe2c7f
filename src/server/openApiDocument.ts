import { systemActor } from '../audit/actor.js';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/openDatabase.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { buildServer } from './buildServer.js';

/** The API's OpenAPI document, built from the registered routes over an in-memory database. */
export async function generateOpenApiDocument(): Promise<string> {
  const handle = await openDatabase({ kind: 'sqlite', file: ':memory:' }, { create: true });
  try {
    const ctx = { handle, config: loadConfig({}) };
    await migrateToLatest(handle);
    await loadJurisdiction(ctx, systemActor, '431226000000');
    const server = await buildServer(ctx);
    await server.ready();
    const document = JSON.stringify(server.swagger(), null, 2);
    await server.close();
    return `${document}\n`;
  } finally {
    await handle.close();
  }
}
