import type { FastifyRequest } from 'fastify';

/**
 * Whether a state-changing request comes from another site's page, which a browser would
 * send with the session cookie of a signed-in clerk (cross-site request forgery).
 *
 * `Sec-Fetch-Site` other than `same-origin` (or `none`, a request the user typed) is
 * refused, `same-site` included: another port or subdomain of the county's server is the
 * same site, its pages get our SameSite cookie, and the console never calls the API from
 * there. An `Origin` header must name this server: the `Host` header, or with
 * JIANDU_TRUST_PROXY the proxy's `X-Forwarded-Host` and `X-Forwarded-Proto`. A request
 * with neither header comes from a program (curl, a department's system), which cannot
 * carry a victim's cookie, and is let through.
 */
export function isCrossSiteRequest(request: FastifyRequest, trustProxy: boolean): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return !isOwnOrigin(origin, request, trustProxy);
}

function isOwnOrigin(origin: string, request: FastifyRequest, trustProxy: boolean): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `Origin: null` (a sandboxed frame, a file) and anything unparsable.
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // Without a trusted proxy the scheme the browser used is unknown (TLS may end at a proxy
  // in front of us), so only the host and port are compared.
  if (trustProxy && url.protocol !== `${request.protocol}:`) return false;
  const host = request.host;
  if (!host) return false;
  let own: URL;
  try {
    // The Host header read with the origin's scheme: default ports and letter case compare equal.
    own = new URL(`${url.protocol}//${host}`);
  } catch {
    return false;
  }
  return own.host === url.host && own.username === '' && own.pathname === '/';
}
