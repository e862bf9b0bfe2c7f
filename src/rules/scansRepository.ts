import type { Kysely } from 'kysely';
import { inScopeSql, type Scope } from '../auth/scope.js';
import { ancestorDivisionCodes } from '../core/divisionCode.js';
import type { Database } from '../db/schema.js';

/**
 * The latest scans that concern a user: of the jurisdiction itself, of the county (or city)
 * that encloses it, and of divisions inside it. A township's leader sees the county's scans.
 */
export function recentScans(db: Kysely<Database>, scope: Scope, limit: number) {
  const covering = [scope.code, ...ancestorDivisionCodes(scope.code)];
  return db
    .selectFrom('scans')
    .selectAll()
    .where((eb) =>
      eb.or([eb('jurisdiction_code', 'in', covering), inScopeSql('jurisdiction_code', scope)]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
