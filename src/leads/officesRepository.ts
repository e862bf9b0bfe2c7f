import type { Kysely, Selectable } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { OfficeKind } from '../api/leads.js';
import type { Database } from '../db/schema.js';
import { idNumberHash } from './idNumberHash.js';
import type { OfficeTable } from './leadsTables.js';

export type OfficeRow = Selectable<OfficeTable>;

export async function insertOffice(
  { tx, audit }: WriteScope,
  office: {
    code: string;
    name: string;
    kind: OfficeKind;
    jurisdictionCode: string;
    supervising?: boolean;
  },
): Promise<OfficeRow> {
  const row = await tx
    .insertInto('offices')
    .values({
      code: office.code,
      name: office.name,
      kind: office.kind,
      jurisdiction_code: office.jurisdictionCode,
      supervising: office.supervising ? 1 : 0,
      active: 1,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: 'office.create',
    entity: 'office',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: row,
  });
  return row;
}

/** Puts a user in an office, and records the hash of their ID number when given. */
export async function setUserOffice(
  { tx, audit }: WriteScope,
  userId: number,
  officeId: number | null,
  idNumber?: string,
): Promise<void> {
  const hash = idNumber === undefined ? undefined : idNumberHash(idNumber);
  await tx
    .updateTable('users')
    .set({ office_id: officeId, ...(hash === undefined ? {} : { id_number_hash: hash }) })
    .where('id', '=', userId)
    .execute();
  await audit({
    action: 'user.office',
    entity: 'user',
    ids: [userId],
    after: { office_id: officeId, id_number: hash === undefined ? undefined : 'set' },
  });
}

export function findOffice(db: Kysely<Database>, id: number): Promise<OfficeRow | undefined> {
  return db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active offices of the given kinds (all kinds when empty), for routing. */
export function activeOffices(
  db: Kysely<Database>,
  kinds: readonly OfficeKind[] = [],
): Promise<OfficeRow[]> {
  let query = db.selectFrom('offices').selectAll().where('active', '=', 1);
  if (kinds.length > 0) query = query.where('kind', 'in', [...kinds]);
  return query.orderBy('jurisdiction_code').orderBy('id').execute();
}

/** Active users of an office whose ID-number hash is one of `hashes`. */
export async function officeUsersAmong(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<{ id: number; office_id: number | null }[]> {
  if (hashes.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'office_id'])
    .where('id_number_hash', 'in', [...hashes])
    .execute();
}

/** A user as an office's handler: role, office and whether active. */
export function findHandler(
  db: Kysely<Database>,
  userId: number,
): Promise<{ id: number; role: string; office_id: number | null; active: number } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'office_id', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
