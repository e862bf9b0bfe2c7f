import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import { inScopeSql, scopeOf, type Scope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import type { DatasetKey } from './datasetDefinition.js';
import { datasets } from './datasets/index.js';
import type { ExchangeCredentialTable } from './ingestTables.js';
import { loadsUndividedRows } from './rowDivision.js';

/**
 * A department's key to the data-exchange API: it may push only the datasets it was given,
 * for its own jurisdiction. Only a hash of the token is stored; the token is shown once.
 */
export interface ExchangeCredential {
  id: number;
  name: string;
  source: string;
  datasets: DatasetKey[];
  jurisdictionCode: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function view(row: Selectable<ExchangeCredentialTable>): ExchangeCredential {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    datasets: JSON.parse(row.datasets) as DatasetKey[],
    jurisdictionCode: row.jurisdiction_code,
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function createExchangeCredential(
  { tx, actor, audit }: WriteScope,
  input: { name: string; source: string; datasets: DatasetKey[]; jurisdictionCode: string },
): Promise<{ credential: ExchangeCredential; token: string }> {
  // A township's credential cannot be given what only the county may load.
  const undivided = input.datasets.find((key) => datasets[key].division.kind === 'none');
  if (undivided && !loadsUndividedRows(scopeOf(input.jurisdictionCode))) {
    throw new JianduError('DATASET_COUNTY_LEVEL', { dataset: datasets[undivided].name });
  }
  const token = `jdx_${crypto.randomBytes(24).toString('base64url')}`;
  const row = await tx
    .insertInto('exchange_credentials')
    .values({
      name: input.name,
      source: input.source,
      datasets: JSON.stringify(input.datasets),
      jurisdiction_code: input.jurisdictionCode,
      token_hash: tokenHash(token),
      active: 1,
      created_by: actor.name,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: 'exchange_credential.create',
    entity: 'exchange_credential',
    ids: [row.id],
    jurisdictionCode: row.jurisdiction_code,
    after: { name: row.name, source: row.source, datasets: input.datasets },
  });
  return { credential: view(row), token };
}

export async function revokeExchangeCredential(
  { tx, audit }: WriteScope,
  id: number,
): Promise<void> {
  const row = await tx
    .updateTable('exchange_credentials')
    .set({ active: 0 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (row)
    await audit({
      action: 'exchange_credential.revoke',
      entity: 'exchange_credential',
      ids: [id],
      jurisdictionCode: row.jurisdiction_code,
    });
}

export async function findCredentialByToken(
  db: Kysely<Database>,
  token: string,
): Promise<ExchangeCredential | undefined> {
  const row = await db
    .selectFrom('exchange_credentials')
    .selectAll()
    .where('token_hash', '=', tokenHash(token))
    .where('active', '=', 1)
    .executeTakeFirst();
  return row ? view(row) : undefined;
}

export async function listExchangeCredentials(
  db: Kysely<Database>,
  scope: Scope,
): Promise<ExchangeCredential[]> {
  const rows = await db
    .selectFrom('exchange_credentials')
    .selectAll()
    .where(inScopeSql('exchange_credentials.jurisdiction_code', scope))
    .orderBy('id')
    .execute();
  return rows.map(view);
}

/**
 * Notes when a credential was last used, for the administrator's list. Bookkeeping, not a
 * change of data: the import it served is audited on its own.
 */
export async function markCredentialUsed(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('exchange_credentials')
    .set({ last_used_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}
