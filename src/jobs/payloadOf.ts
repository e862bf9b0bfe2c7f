import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { JianduError } from '../core/errors.js';

/** Checks a stored payload against its task's schema (a row written by another version). */
export function payloadOf<S extends TSchema>(schema: S, kind: string, payload: unknown): Static<S> {
  if (!Value.Check(schema, payload)) {
    throw new JianduError('INTERNAL', { ref: `job-payload-${kind}` });
  }
  return payload;
}
