import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JianduError } from '../core/errors.js';
import { redactText } from '../core/redact.js';
import { requestLanguage } from './language.js';
import { describeValidation } from './validationMessage.js';

/** A byte count as a clerk reads it: “64 KB”, “4 MB”. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** Fastify's own refusals of a body (size, type, syntax), as our codes with plain words. */
function bodyError(error: FastifyError, request: FastifyRequest): JianduError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const size = sizeText(request.routeOptions.bodyLimit ?? 0);
      return new JianduError('PAYLOAD_TOO_LARGE', {
        detail: { zh: `此接口每次最多接受 ${size}`, en: `this endpoint takes at most ${size}` },
      });
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new JianduError('UNSUPPORTED_MEDIA_TYPE', {
        expected: 'application/json',
        received: request.headers['content-type'] ?? '',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new JianduError('INVALID_REQUEST', {
        detail: { zh: '内容为空，却注明了 JSON 格式', en: 'the body is empty but marked as JSON' },
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new JianduError('INVALID_REQUEST', {
        detail: {
          zh: '内容不是有效的 JSON，或含有 __proto__ 等不允许的字段名',
          en: 'the body is not valid JSON, or carries a forbidden key such as __proto__',
        },
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new JianduError('INVALID_REQUEST', {
        detail: {
          zh: '内容的长度与 Content-Length 不符',
          en: 'the body’s length differs from its Content-Length',
        },
      });
    case 'FST_ERR_BAD_URL':
      return new JianduError('INVALID_REQUEST', {
        detail: { zh: '网址中有无效的字符编码', en: 'the address has an invalid escape' },
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new JianduError('INVALID_REQUEST', {
        detail: { zh: '网址中的参数太长', en: 'a parameter in the address is too long' },
      });
    default:
      return null;
  }
}

/** Answers any error as `{ error: { code, message } }` with the status of its code. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const language = requestLanguage(request);
  const refusedBody = bodyError(error, request);
  let jiandu: JianduError;
  if (error instanceof JianduError) {
    jiandu = error;
  } else if (error.validation) {
    const detail = describeValidation(error.validation);
    // Too many items (the exchange API's records, say) is a size, not a malformed request.
    const tooMany = error.validation.every(
      (v) => v.keyword === 'maxItems' || v.keyword === 'maxProperties',
    );
    jiandu = new JianduError(tooMany ? 'PAYLOAD_TOO_LARGE' : 'INVALID_REQUEST', { detail });
  } else if (error.statusCode === 429) {
    jiandu = new JianduError('RATE_LIMITED');
  } else if (refusedBody) {
    jiandu = refusedBody;
  } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    jiandu = new JianduError('INVALID_ARGUMENT', { detail: error.message });
  } else {
    const ref = crypto.randomBytes(4).toString('hex');
    request.log.error({
      ref,
      err: { message: redactText(error.message), stack: redactText(error.stack ?? '') },
    });
    jiandu = new JianduError('INTERNAL', { ref });
  }
  if (
    jiandu.code === 'DB_UNREACHABLE' ||
    jiandu.code === 'DB_LOCKED' ||
    jiandu.code === 'DB_CORRUPT'
  ) {
    request.log.error({ code: jiandu.code, message: jiandu.message });
  }
  void reply
    .status(jiandu.httpStatus)
    .send({ error: { code: jiandu.code, message: jiandu.text(language) } });
}

/**
 * Maps every error to our answer in one place: errors of routes, and those Fastify meets
 * before any route (an address it cannot decode; see buildServer's frameworkErrors).
 */
export function installErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler(sendError);
}
