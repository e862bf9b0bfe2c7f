import { sql } from 'kysely';
import { systemActor } from '../src/audit/actor.js';
import { auditedWrite } from '../src/audit/auditedWrite.js';
import { verifyAuditChain } from '../src/audit/verifyAuditChain.js';
import type { Dialect } from '../src/db/openDatabase.js';
import { benchContext, round, timed, type BenchResult } from './harness.js';

const entries = 20_000;
const perTransaction = 100;

/**
 * The cost of the audit trail: writing settings through auditedWrite (data row + chained
 * entry) against the same rows inserted plainly, and the speed of verifying the chain.
 */
export async function auditTrailBench(dialect: Dialect): Promise<BenchResult> {
  const { ctx, destroy } = await benchContext(dialect);
  try {
    const db = ctx.handle.db;
    await sql`create table bench_plain (key text primary key, jurisdiction_code text, value text, updated_at text)`.execute(
      db,
    );
    const reference = await timed(async () => {
      for (let t = 0; t < entries / perTransaction; t += 1) {
        await db.transaction().execute(async (tx) => {
          for (let i = 0; i < perTransaction; i += 1) {
            await sql`insert into bench_plain values (${`k${t}-${i}`}, '', '1', 'now')`.execute(tx);
          }
        });
      }
    });
    const audited = await timed(async () => {
      for (let t = 0; t < entries / perTransaction; t += 1) {
        await auditedWrite(ctx, systemActor, async ({ tx, audit }) => {
          for (let i = 0; i < perTransaction; i += 1) {
            const key = `k${t}-${i}`;
            await tx
              .insertInto('settings')
              .values({ key, jurisdiction_code: '', value: '1', updated_at: 'now' })
              .execute();
            await audit({
              action: 'setting.write',
              entity: 'setting',
              ids: [key],
              after: { value: 1 },
            });
          }
        });
      }
    });
    const verify = await timed(() => verifyAuditChain(db));
    if (!verify.value.ok) throw new Error('chain broken in the benchmark');
    return {
      name: 'audit trail',
      dialect,
      figures: {
        'rows written': entries,
        'plain inserts/s (reference)': Math.round(entries / (reference.ms / 1000)),
        'audited writes/s': Math.round(entries / (audited.ms / 1000)),
        'audited ÷ plain time': round(audited.ms / reference.ms),
        'verify entries/s': Math.round(entries / (verify.ms / 1000)),
      },
    };
  } finally {
    await destroy();
  }
}
