import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { systemActor } from './actor.js';
import { auditedWrite } from './auditedWrite.js';
import { verifyAuditChain } from './verifyAuditChain.js';

describeForEachDatabase('audit trail', (current, dialect) => {
  async function writeEntries(count: number): Promise<void> {
    for (let i = 1; i <= count; i += 1) {
      await auditedWrite(current(), { id: 7, name: 'clerk-7' }, async ({ tx, audit }) => {
        await tx
          .insertInto('settings')
          .values({
            key: `k${i}`,
            jurisdiction_code: '',
            value: JSON.stringify(i),
            updated_at: 'now',
          })
          .execute();
        await audit({
          action: 'setting.set',
          entity: 'setting',
          ids: [`k${i}`],
          after: { value: i },
        });
      });
    }
  }

  /** The append-only triggers stop honest mistakes; a tamperer with the database drops them. */
  async function dropGuards(): Promise<void> {
    const db = current().handle.db;
    if (dialect === 'postgres') {
      await sql`drop trigger audit_log_no_update on audit_log`.execute(db);
    } else {
      await sql`drop trigger audit_log_no_update`.execute(db);
      await sql`drop trigger audit_log_no_delete`.execute(db);
    }
  }

  it('chains entries and verifies an untouched trail', async () => {
    await writeEntries(5);
    const result = await verifyAuditChain(current().handle.db);
    expect(result).toEqual({ ok: true, entries: 5, headSeq: 5, firstBreak: null });
    const rows = await current()
      .handle.db.selectFrom('audit_log')
      .selectAll()
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.algo)).toEqual(['sm3', 'sm3', 'sm3', 'sm3', 'sm3']);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[0]!.actor_name).toBe('clerk-7');
  });

  it('refuses updates and deletes through the database guard', async () => {
    await writeEntries(1);
    await expect(
      sql`update audit_log set actor_name = 'x' where seq = 1`.execute(current().handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_log where seq = 1`.execute(current().handle.db),
    ).rejects.toThrow(/append-only/);
  });

  it('names the first altered entry', async () => {
    await writeEntries(5);
    await dropGuards();
    await sql`update audit_log set after = '{"value":99}' where seq = 3`.execute(
      current().handle.db,
    );
    const result = await verifyAuditChain(current().handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toEqual({ kind: 'altered', seq: 3 });
  });

  it('names a deleted entry in the middle', async () => {
    await writeEntries(5);
    await dropGuards();
    await sql`delete from audit_log where seq = 2`.execute(current().handle.db);
    expect((await verifyAuditChain(current().handle.db)).firstBreak).toEqual({
      kind: 'missing',
      seq: 2,
    });
  });

  it('detects a deleted last entry through the head', async () => {
    await writeEntries(4);
    await dropGuards();
    await sql`delete from audit_log where seq = 4`.execute(current().handle.db);
    expect((await verifyAuditChain(current().handle.db)).firstBreak).toEqual({
      kind: 'truncated',
      seq: 4,
    });
  });

  it('names the first of two swapped entries', async () => {
    await writeEntries(5);
    await dropGuards();
    const db = current().handle.db;
    await sql`update audit_log set seq = -1 where seq = 2`.execute(db);
    await sql`update audit_log set seq = 2 where seq = 3`.execute(db);
    await sql`update audit_log set seq = 3 where seq = -1`.execute(db);
    expect((await verifyAuditChain(db)).firstBreak).toEqual({ kind: 'altered', seq: 2 });
  });

  it('rolls back the data and the entry together when the work fails', async () => {
    await writeEntries(1);
    await expect(
      auditedWrite(current(), systemActor, async ({ tx, audit }) => {
        await audit({ action: 'setting.set', entity: 'setting', ids: ['boom'] });
        await tx
          .insertInto('settings')
          .values({ key: 'boom', jurisdiction_code: '', value: '1', updated_at: 'now' })
          .execute();
        throw new Error('fail after writing');
      }),
    ).rejects.toThrow('fail after writing');
    const db = current().handle.db;
    expect(
      await db.selectFrom('settings').select('key').where('key', '=', 'boom').execute(),
    ).toEqual([]);
    expect((await verifyAuditChain(db)).entries).toBe(1);
  });

  it('refuses a write that records no audit entry', async () => {
    await expect(
      auditedWrite(current(), systemActor, async ({ tx }) => {
        await tx
          .insertInto('settings')
          .values({ key: 'silent', jurisdiction_code: '', value: '1', updated_at: 'now' })
          .execute();
      }),
    ).rejects.toThrow(/Internal error/);
    const db = current().handle.db;
    expect(await db.selectFrom('settings').select('key').execute()).toEqual([]);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        auditedWrite(current(), systemActor, async ({ audit }) => {
          await audit({ action: 'test.parallel', entity: 'test', ids: [i] });
          await audit({ action: 'test.parallel', entity: 'test', ids: [i, 'second'] });
        }),
      ),
    );
    expect(await verifyAuditChain(current().handle.db)).toMatchObject({ ok: true, entries: 16 });
  });

  it('uses SHA-256 when configured, and still verifies', async () => {
    const ctx = { ...current(), config: { ...current().config, auditHash: 'sha256' as const } };
    await auditedWrite(ctx, systemActor, ({ audit }) =>
      audit({ action: 'a', entity: 'e', ids: [1] }),
    );
    await writeEntries(1);
    const rows = await ctx.handle.db
      .selectFrom('audit_log')
      .select('algo')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.algo)).toEqual(['sha256', 'sm3']);
    expect((await verifyAuditChain(ctx.handle.db)).ok).toBe(true);
  });
});
