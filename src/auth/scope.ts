import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { divisionPrefix, jurisdictionCovers } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';

/**
 * A jurisdiction scope: a user sees their own division and everything below it, nothing
 * else. Every read of data takes a Scope; routes get theirs only from the session (or, for
 * the public portal, from the deployment's root), in server/routeKit.ts.
 */
export interface Scope {
  /** The 12-digit code of the division. */
  readonly code: string;
  /** The code without its trailing zero levels: the prefix of every code inside. */
  readonly prefix: string;
}

export function scopeOf(code: string): Scope {
  return Object.freeze({ code, prefix: divisionPrefix(code) });
}

export function inScope(scope: Scope, code: string | null | undefined): boolean {
  return typeof code === 'string' && jurisdictionCovers(scope.code, code);
}

/** Throws OUT_OF_JURISDICTION unless `code` lies within the scope. */
export function assertInScope(scope: Scope, code: string): void {
  if (!inScope(scope, code)) throw new JianduError('OUT_OF_JURISDICTION', { code });
}

/** The LIKE pattern of codes inside the scope. */
export function scopePattern(scope: Scope): string {
  return `${scope.prefix}%`;
}

/** `column LIKE 'prefix%'`, for `.where(inScopeSql('table.column', scope))`. */
export function inScopeSql(column: string, scope: Scope): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${scopePattern(scope)}`;
}
