import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookie = 'jiandu_session';

export function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function isLoopback(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '::1';
}

/**
 * Session cookies are HttpOnly and SameSite=Strict, and Secure whenever the browser will
 * keep a Secure cookie: over HTTPS, and on loopback (which browsers treat as secure).
 * JIANDU_COOKIE_SECURE=true forces it behind a TLS proxy.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | null,
  maxAgeSeconds: number,
  force: boolean | 'auto',
): void {
  const secure =
    force === 'auto' ? request.protocol === 'https' || isLoopback(request.headers.host) : force;
  const parts = [
    `${sessionCookie}=${token === null ? '' : encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${token === null ? 0 : Math.floor(maxAgeSeconds)}`,
  ];
  if (secure) parts.push('Secure');
  void reply.header('set-cookie', parts.join('; '));
}
