import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { JianduError } from '../core/errors.js';
import { requestLanguage } from './language.js';

export const defaultWebRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/web',
);

/**
 * Serves the built front end: the public portal at `/`, the console at `/console/`. Paths
 * that are not files fall back to the right single-page app; unknown `/api` paths get a
 * JSON 404.
 */
export async function serveWebAssets(fastify: FastifyInstance, webRoot: string): Promise<void> {
  const built = fs.existsSync(path.join(webRoot, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
      // The build writes .br and .gz copies: cheap phones on slow links get a third of the bytes.
      preCompressed: true,
    });
  }
  fastify.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (
      url.startsWith('/api/') ||
      url === '/api' ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      const error = new JianduError('NOT_FOUND', { what: url });
      return reply
        .status(404)
        .send({ error: { code: error.code, message: error.text(requestLanguage(request)) } });
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          '前端尚未构建：请运行 npm run build:web（the web front end is not built: run npm run build:web）',
        );
    }
    const page =
      url === '/console' || url.startsWith('/console/') ? 'console/index.html' : 'index.html';
    return reply.type('text/html; charset=utf-8').sendFile(page);
  });
}
