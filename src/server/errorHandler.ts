import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { JianduError } from '../core/errors.js';
import { redactText } from '../core/redact.js';
import { requestLanguage } from './language.js';
import { describeValidation } from './validationMessage.js';

/** Maps every error to `{ error: { code, message } }` with the status of its code, in one place. */
export function installErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const language = requestLanguage(request);
    let jiandu: JianduError;
    if (error instanceof JianduError) {
      jiandu = error;
    } else if (error.validation) {
      jiandu = new JianduError('INVALID_REQUEST', { detail: describeValidation(error.validation) });
    } else if (error.statusCode === 429) {
      jiandu = new JianduError('RATE_LIMITED');
    } else if (
      error.statusCode !== undefined &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
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
  });
}
