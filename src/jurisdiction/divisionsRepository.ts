import { sql, type Kysely, type Selectable } from 'kysely';
import { ancestorDivisionCodes, divisionPrefix } from '../core/divisionCode.js';
import type { Database } from '../db/schema.js';
import { inScopeSql, type Scope } from '../auth/scope.js';
import type { DivisionTable } from './jurisdictionTables.js';

export type Division = Selectable<DivisionTable>;

/** A loaded division, whoever asks: names of divisions are public. */
export function findDivision(db: Kysely<Database>, code: string): Promise<Division | undefined> {
  return db.selectFrom('divisions').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The division and its ancestors, from the province down, as loaded. */
export async function divisionPath(db: Kysely<Database>, code: string): Promise<Division[]> {
  const codes = [...ancestorDivisionCodes(code), code];
  const rows = await db.selectFrom('divisions').selectAll().where('code', 'in', codes).execute();
  return rows.sort((a, b) => a.level - b.level);
}

/** "湖南省 怀化市 麻阳苗族自治县" */
export async function divisionFullName(db: Kysely<Database>, code: string): Promise<string> {
  return (await divisionPath(db, code)).map((d) => d.name).join(' ');
}

/** Children of a division inside the scope (the scope itself when asked for its parent). */
export function childDivisions(
  db: Kysely<Database>,
  scope: Scope,
  parentCode: string,
): Promise<Division[]> {
  return db
    .selectFrom('divisions')
    .selectAll()
    .where('parent_code', '=', parentCode)
    .where(inScopeSql('divisions.code', scope))
    .orderBy('code')
    .execute();
}

export async function countDivisionsByLevel(
  db: Kysely<Database>,
  scope: Scope,
): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('divisions')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScopeSql('divisions.code', scope))
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

/** The divisions directly below the scope's own, each with how many villages it holds. */
export async function areasWithVillageCounts(
  db: Kysely<Database>,
  scope: Scope,
): Promise<{ code: string; name: string; villages: number }[]> {
  const children = await childDivisions(db, scope, scope.code);
  const first = children[0];
  if (!first) return [];
  const prefix = sql<string>`substr(code, 1, ${sql.lit(divisionPrefix(first.code).length)})`;
  const counts = await db
    .selectFrom('divisions')
    .select([prefix.as('prefix'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('level', '=', 5)
    .where(inScopeSql('divisions.code', scope))
    .groupBy(prefix)
    .execute();
  const byPrefix = new Map(counts.map((c) => [c.prefix, c.n]));
  return children.map((child) => ({
    code: child.code,
    name: child.name,
    villages: child.level === 5 ? 1 : (byPrefix.get(divisionPrefix(child.code)) ?? 0),
  }));
}
