import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../appContext.js';
import { JianduError } from '../core/errors.js';
import { classifyDatabaseError } from '../db/openDatabase.js';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import { auditEntryHash, genesisHash } from './auditHash.js';
import { canonicalJson } from './canonicalJson.js';

declare const writeBrand: unique symbol;

/**
 * A transaction that may write. Repository functions that change data take a `WriteTx`,
 * and the only way to get one is `auditedWrite`, so no write can bypass the audit trail.
 */
export type WriteTx = Transaction<Database> & { readonly [writeBrand]: true };

export interface AuditEntryInput {
  /** Verb in dotted form: `user.create`, `batch.approve`, `system.init`. */
  action: string;
  /** The kind of record: `user`, `batch`, `division`… */
  entity: string;
  /** Keys of the affected records. */
  ids: ReadonlyArray<string | number>;
  /** The division the change concerns (decides who may read the entry). */
  jurisdictionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface WriteScope {
  tx: WriteTx;
  actor: Actor;
  /** Appends one entry to the hash chain inside this transaction. */
  audit: (entry: AuditEntryInput) => Promise<void>;
}

function nowIso(): string {
  return new Date().toISOString();
}

/**
 * The one path for every write: runs `work` in a transaction and appends its audit entries
 * to the chain in the same transaction, so either both land or neither does. A write that
 * records nothing is refused.
 */
export async function auditedWrite<T>(
  ctx: AppContext,
  actor: Actor,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const { handle, config } = ctx;
  try {
    return await handle.db.transaction().execute(async (trx) => {
      const tx = trx as WriteTx;
      let head: { seq: number; hash: string } | null = null;
      let entries = 0;
      const audit = async (entry: AuditEntryInput): Promise<void> => {
        if (head === null) {
          // The head row exists from the first write on; creating it must not race a
          // concurrent first write (the loser of a plain insert would fail).
          await tx
            .insertInto('audit_head')
            .values({ id: 1, seq: 0, hash: genesisHash })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
          // Lock the chain's head so concurrent writers append one after another.
          const row =
            handle.dialect === 'postgres'
              ? await sql<{
                  seq: number;
                  hash: string;
                }>`select seq, hash from audit_head where id = 1 for update`
                  .execute(tx)
                  .then((r) => r.rows[0])
              : await tx
                  .selectFrom('audit_head')
                  .select(['seq', 'hash'])
                  .where('id', '=', 1)
                  .executeTakeFirst();
          head = row ?? { seq: 0, hash: genesisHash };
        }
        const fields = {
          seq: head.seq + 1,
          at: nowIso(),
          actor_id: actor.id,
          actor_name: actor.name,
          action: entry.action,
          entity: entry.entity,
          entity_ids: canonicalJson(entry.ids.map(String)),
          jurisdiction_code: entry.jurisdictionCode ?? null,
          before: entry.before === undefined ? null : canonicalJson(entry.before),
          after: entry.after === undefined ? null : canonicalJson(entry.after),
          prev_hash: head.hash,
          algo: config.auditHash,
        };
        const hash = auditEntryHash(fields);
        await tx
          .insertInto('audit_log')
          .values({ ...fields, hash })
          .execute();
        head = { seq: fields.seq, hash };
        entries += 1;
      };
      const result = await work({ tx, actor, audit });
      if (entries === 0) {
        throw new JianduError('INTERNAL', { ref: 'write-without-audit' });
      }
      const final = head as { seq: number; hash: string } | null;
      if (final) {
        await tx
          .updateTable('audit_head')
          .set({ seq: final.seq, hash: final.hash })
          .where('id', '=', 1)
          .execute();
      }
      return result;
    });
  } catch (error) {
    throw classifyDatabaseError(error, handle.label);
  }
}
