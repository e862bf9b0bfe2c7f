import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { auditEntryHash, genesisHash } from './auditHash.js';

export type AuditBreak =
  | { kind: 'altered'; seq: number }
  | { kind: 'relinked'; seq: number }
  | { kind: 'missing'; seq: number }
  | { kind: 'truncated'; seq: number };

export interface AuditVerification {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstBreak: AuditBreak | null;
}

export const auditBreakText: Record<AuditBreak['kind'], { zh: string; en: string }> = {
  altered: {
    zh: '该条记录的内容被修改过（哈希不符）',
    en: 'the entry was altered (hash mismatch)',
  },
  relinked: {
    zh: '该条记录与前一条的链接不符（记录被删除、插入或调换了顺序）',
    en: 'the entry does not link to the one before it (entries deleted, inserted or reordered)',
  },
  missing: {
    zh: '该序号的记录缺失（被删除）',
    en: 'the entry with this number is missing (deleted)',
  },
  truncated: {
    zh: '审计链末尾的记录缺失或链头被改动',
    en: 'entries at the end of the chain are missing or the head was changed',
  },
};

const pageSize = 5000;

/**
 * Recomputes the whole chain in order and names the first entry that was altered, deleted
 * or reordered. Reads in pages, so a long trail verifies in bounded memory.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  let expectedSeq = 1;
  let previousHash = genesisHash;
  let entries = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const fail = (kind: AuditBreak['kind'], seq: number): AuditVerification => ({
        ok: false,
        entries,
        headSeq: head?.seq ?? 0,
        firstBreak: { kind, seq },
      });
      if (row.seq !== expectedSeq) return fail('missing', expectedSeq);
      const { hash, ...fields } = row;
      if (auditEntryHash(fields) !== hash) return fail('altered', row.seq);
      if (row.prev_hash !== previousHash) return fail('relinked', row.seq);
      previousHash = hash;
      expectedSeq += 1;
      entries += 1;
      lastSeq = row.seq;
    }
    if (rows.length < pageSize) break;
  }
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? genesisHash;
  if (headSeq !== entries || headHash !== previousHash) {
    return { ok: false, entries, headSeq, firstBreak: { kind: 'truncated', seq: entries + 1 } };
  }
  return { ok: true, entries, headSeq, firstBreak: null };
}
