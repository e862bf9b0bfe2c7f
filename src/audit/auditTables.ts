import type { Generated } from 'kysely';

/** The append-only, hash-chained audit trail (可追溯留痕). Owned by src/audit. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  /** JSON array of the affected records' keys. */
  entity_ids: string;
  /** The division the change concerns, for scoping who may read the entry. */
  jurisdiction_code: string | null;
  /** Canonical JSON of the values before and after, or null. */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
  algo: string;
}

/** One row (id 1) holding the chain's head, locked by every append to serialise writers. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** Views of personal data: who looked at which person's records, when, through what. */
export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  user_name: string;
  purpose: string;
  subject: string;
  detail: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  access_log: AccessLogTable;
}
