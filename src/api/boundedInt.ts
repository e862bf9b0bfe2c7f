import { Type, type TInteger } from '@sinclair/typebox';

/**
 * The largest value of an `integer` column on PostgreSQL (ids, sequence numbers): a larger
 * number in a request would reach the database and fail there, so requests stop at it.
 */
export const maxInt32 = 2_147_483_647;

/**
 * An integer of a request (path, query or body) with both bounds, so that no huge, negative
 * or fractional number reaches a query: every integer a route takes is one of these.
 */
export function boundedInt(options: {
  minimum: number;
  maximum: number;
  default?: number;
}): TInteger {
  return Type.Integer(options);
}

/** A row id in a path or query. */
export function idInt(): TInteger {
  return boundedInt({ minimum: 1, maximum: maxInt32 });
}
