import type { FastifyRequest } from 'fastify';
import type { Language } from '../core/errors.js';
import { readCookie } from './cookies.js';

/** The interface language: the `jiandu_lang` cookie, else Accept-Language, else Chinese. */
export function requestLanguage(request: FastifyRequest): Language {
  const cookie = readCookie(request, 'jiandu_lang');
  if (cookie === 'en' || cookie === 'zh') return cookie;
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && /^\s*en\b/i.test(header)) return 'en';
  return 'zh';
}
