import type { Kysely } from 'kysely';
import { inScopeSql, type Scope } from '../auth/scope.js';
import { redactText } from '../core/redact.js';
import type { Database } from '../db/schema.js';

export interface AuditEntryView {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityIds: string[];
  jurisdictionCode: string | null;
  /** Values with ID numbers and accounts masked. */
  before: string | null;
  after: string | null;
  hash: string;
}

/**
 * Audit entries about the scope's divisions, newest first. Entries that concern the whole
 * deployment (no division) are shown only to users of the deployment's own jurisdiction.
 */
export async function listAuditEntries(
  db: Kysely<Database>,
  scope: Scope,
  options: { includeDeploymentWide: boolean; limit: number; beforeSeq?: number; entity?: string },
): Promise<AuditEntryView[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      options.includeDeploymentWide
        ? eb.or([
            inScopeSql('audit_log.jurisdiction_code', scope),
            eb('jurisdiction_code', 'is', null),
          ])
        : inScopeSql('audit_log.jurisdiction_code', scope),
    )
    .orderBy('seq', 'desc')
    .limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  if (options.entity !== undefined) query = query.where('entity', '=', options.entity);
  const rows = await query.execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityIds: (JSON.parse(row.entity_ids) as string[]).map(redactText),
    jurisdictionCode: row.jurisdiction_code,
    before: row.before === null ? null : redactText(row.before),
    after: row.after === null ? null : redactText(row.after),
    hash: row.hash,
  }));
}
