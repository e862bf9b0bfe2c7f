import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { serverFor } from '../../test/helpers/server.js';

describeForEachDatabase('the server', (current) => {
  it('sends security headers and documents every API route in OpenAPI', async () => {
    const server = await serverFor(current());
    const response = await server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(document.openapi).toBe('3.0.3');
    const documented = Object.entries(document.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const registered = server.routeCatalogue
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(registered.sort());
    await server.close();
  });

  it('answers unknown API paths with a JSON 404 and the portal home with the county', async () => {
    const server = await serverFor(current());
    const missing = await server.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const home = await server.inject({ method: 'GET', url: '/api/public/home' });
    expect(home.json()).toMatchObject({
      jurisdiction: { code: '431226000000', name: '麻阳苗族自治县' },
      areas: expect.arrayContaining([
        { code: '431226101000', name: '锦和镇', villages: 22 },
      ]) as unknown,
    });
    const health = await server.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: current().handle.dialect });
    await server.close();
  });
});
