import crypto from 'node:crypto';
import type { AuditLogTable } from './auditTables.js';

export const genesisHash = '0'.repeat(64);

export type HashedFields = Omit<AuditLogTable, 'hash'>;

/** SM3 (GB/T 32905) by default, SHA-256 as the alternative; both give 64 hex digits. */
export function auditEntryHash(entry: HashedFields): string {
  const algorithm = entry.algo === 'sha256' ? 'sha256' : 'sm3';
  const material = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actor_id,
    entry.actor_name,
    entry.action,
    entry.entity,
    entry.entity_ids,
    entry.jurisdiction_code,
    entry.before,
    entry.after,
    entry.prev_hash,
    entry.algo,
  ]);
  return crypto.createHash(algorithm).update(material, 'utf8').digest('hex');
}
