import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { chineseHeaders, writeCsv } from '../../test/factories/templateFiles.js';
import { templateRow, type TemplateRow } from '../../test/factories/templateRows.js';
import { createTestUser } from '../../test/factories/users.js';
import {
  describeForEachDatabase,
  tempDir,
  type TestContext,
} from '../../test/helpers/databases.js';
import { scopeOf } from '../auth/scope.js';
import { verifyAuditChain } from '../audit/verifyAuditChain.js';
import type { Role } from '../api/roles.js';
import { datasets } from './datasets/index.js';
import { importFile } from './importFile.js';
import { isLive } from './liveRows.js';
import { approveBatch, rejectBatch, rollbackBatch, type Reviewer } from './reviewBatch.js';
import { writeSetting } from '../settings/settingsRepository.js';
import { auditedWrite } from '../audit/auditedWrite.js';

const dir = tempDir('jiandu-review-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const county = scopeOf('431226000000');

async function person(ctx: TestContext, role: Role): Promise<Reviewer> {
  const user = await createTestUser(ctx, { role });
  return { actor: { id: user.id, name: user.username }, role, scope: county };
}

function payments(rows: TemplateRow[], name = 'payments'): string {
  const definition = datasets.disbursements;
  const keys = definition.fields.map((f) => f.key);
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.csv`);
  writeCsv(file, chineseHeaders(definition, keys), { keys, rows });
  return file;
}

async function liveAmounts(ctx: TestContext): Promise<Record<string, number>> {
  const rows = await ctx.handle.db
    .selectFrom('ds_disbursements')
    .select(['record_id', 'amount_fen'])
    .where(isLive())
    .execute();
  return Object.fromEntries(rows.map((r) => [r.record_id, r.amount_fen]));
}

describeForEachDatabase('batches: review, versions, idempotence', (current) => {
  it('keeps a batch out of live data until another person approves it', async () => {
    const ctx = current();
    const clerk = await person(ctx, 'clerk');
    const reviewer = await person(ctx, 'reviewer');
    const rows = [templateRow('disbursements'), templateRow('disbursements')];
    const summary = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments(rows),
      actor: clerk.actor,
      scope: county,
    });
    expect(summary).toMatchObject({ status: 'pending', accepted: 2, quarantined: 0 });
    expect(await liveAmounts(ctx)).toEqual({});
    await expect(approveBatch(ctx, clerk, summary.batch_id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await approveBatch(ctx, reviewer, summary.batch_id);
    expect(approved.status).toBe('approved');
    expect(await liveAmounts(ctx)).toEqual({
      [rows[0]!.record_id!]: 56000,
      [rows[1]!.record_id!]: 56000,
    });
    await expect(approveBatch(ctx, reviewer, summary.batch_id)).rejects.toMatchObject({
      code: 'BATCH_STATE',
    });
  });

  it('refuses self-review, except an administrator’s audited override', async () => {
    const ctx = current();
    const reviewer = await person(ctx, 'reviewer');
    const admin = await person(ctx, 'admin');
    const own = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([templateRow('disbursements')]),
      actor: reviewer.actor,
      scope: county,
    });
    await expect(approveBatch(ctx, reviewer, own.batch_id)).rejects.toMatchObject({
      code: 'REVIEW_SELF',
    });
    await expect(
      approveBatch(ctx, reviewer, own.batch_id, { override: true, reason: '急用' }),
    ).rejects.toMatchObject({ code: 'REVIEW_SELF' });
    const adminOwn = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([templateRow('disbursements')]),
      actor: admin.actor,
      scope: county,
    });
    await expect(approveBatch(ctx, admin, adminOwn.batch_id)).rejects.toMatchObject({
      code: 'REVIEW_SELF',
    });
    await expect(
      approveBatch(ctx, admin, adminOwn.batch_id, { override: true }),
    ).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    await approveBatch(ctx, admin, adminOwn.batch_id, {
      override: true,
      reason: '审核员休假，县纪委同意',
    });
    const entry = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'batch.approve_override')
      .executeTakeFirstOrThrow();
    expect(entry.after).toContain('审核员休假，县纪委同意');
    expect(entry.after).toContain('"own_import":true');
  });

  it('holds back a batch under the validity threshold unless overridden with a reason', async () => {
    const ctx = current();
    const clerk = await person(ctx, 'clerk');
    const reviewer = await person(ctx, 'reviewer');
    const good = templateRow('disbursements');
    const bad = { ...templateRow('disbursements'), id_number: '4.31226E+17' };
    const summary = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([good, bad]),
      actor: clerk.actor,
      scope: county,
    });
    expect(summary.quality.validity.score).toBe(50);
    await expect(approveBatch(ctx, reviewer, summary.batch_id)).rejects.toMatchObject({
      code: 'QUALITY_BELOW_THRESHOLD',
    });
    await auditedWrite(ctx, reviewer.actor, (scope) =>
      writeSetting(scope, 'ingest.min_validity', 40),
    );
    await approveBatch(ctx, reviewer, summary.batch_id);
    expect(Object.keys(await liveAmounts(ctx))).toEqual([good.record_id]);
  });

  it('imports the same file twice without adding anything, and keeps old versions', async () => {
    const ctx = current();
    const clerk = await person(ctx, 'clerk');
    const reviewer = await person(ctx, 'reviewer');
    const first = templateRow('disbursements');
    const second = templateRow('disbursements');
    const file = payments([first, second]);
    const one = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: file,
      actor: clerk.actor,
      scope: county,
    });
    const pendingAgain = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: file,
      actor: clerk.actor,
      scope: county,
    });
    expect(pendingAgain).toMatchObject({ status: 'no_change', accepted: 0, duplicates: 2 });
    await approveBatch(ctx, reviewer, one.batch_id);
    const liveAgain = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: file,
      actor: clerk.actor,
      scope: county,
    });
    expect(liveAgain).toMatchObject({ status: 'no_change', accepted: 0, duplicates: 2 });

    // A correction of one record: a new version, the old one kept.
    const corrected = { ...first, amount: '600' };
    const update = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([corrected, second]),
      actor: clerk.actor,
      scope: county,
    });
    expect(update).toMatchObject({ accepted: 1, duplicates: 1, versions: 1 });
    await approveBatch(ctx, reviewer, update.batch_id);
    expect(await liveAmounts(ctx)).toEqual({
      [first.record_id!]: 60000,
      [second.record_id!]: 56000,
    });
    const history = await ctx.handle.db
      .selectFrom('ds_disbursements')
      .select(['amount_fen', 'live'])
      .where('record_id', '=', first.record_id!)
      .orderBy('row_id')
      .execute();
    expect(history.map((h) => [h.amount_fen, h.live])).toEqual([
      [56000, 0],
      [60000, 1],
    ]);

    // Rolling the correction back brings the earlier version back to life.
    const admin = await person(ctx, 'admin');
    await expect(rollbackBatch(ctx, reviewer, update.batch_id, '错误')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await rollbackBatch(ctx, admin, update.batch_id, '财政局来函：金额更正有误');
    expect(await liveAmounts(ctx)).toEqual({
      [first.record_id!]: 56000,
      [second.record_id!]: 56000,
    });
    await rollbackBatch(ctx, admin, one.batch_id, '整批数据来源不明');
    expect(await liveAmounts(ctx)).toEqual({});
    // Rows stay in history; the audit trail holds every step.
    const kept = await sql<{ n: number }>`select count(*) as n from ds_disbursements`.execute(
      ctx.handle.db,
    );
    expect(kept.rows[0]!.n).toBe(3);
    expect((await verifyAuditChain(ctx.handle.db)).ok).toBe(true);
  });

  it('sends a batch back with a reason; it never goes live', async () => {
    const ctx = current();
    const clerk = await person(ctx, 'clerk');
    const reviewer = await person(ctx, 'reviewer');
    const summary = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([templateRow('disbursements')]),
      actor: clerk.actor,
      scope: county,
    });
    await expect(rejectBatch(ctx, reviewer, summary.batch_id, ' ')).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    const rejected = await rejectBatch(
      ctx,
      reviewer,
      summary.batch_id,
      '发放期间填错，请核对后重报',
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      reviewNote: '发放期间填错，请核对后重报',
    });
    await expect(approveBatch(ctx, reviewer, summary.batch_id)).rejects.toMatchObject({
      code: 'BATCH_STATE',
    });
    expect(await liveAmounts(ctx)).toEqual({});
  });

  it('lets a reviewer see only batches of their jurisdiction', async () => {
    const ctx = current();
    const townClerk = await createTestUser(ctx, {
      role: 'clerk',
      jurisdictionCode: '431226101000',
    });
    const summary = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([templateRow('disbursements')]),
      actor: { id: townClerk.id, name: townClerk.username },
      scope: scopeOf('431226101000'),
    });
    const otherTown = await createTestUser(ctx, {
      role: 'reviewer',
      jurisdictionCode: '431226102000',
    });
    await expect(
      approveBatch(
        ctx,
        {
          actor: { id: otherTown.id, name: otherTown.username },
          role: 'reviewer',
          scope: scopeOf('431226102000'),
        },
        summary.batch_id,
      ),
    ).rejects.toMatchObject({ code: 'BATCH_NOT_FOUND' });
  });

  it('leaves no dead rows behind after a review rewrote most of a table (PostgreSQL vacuums)', async () => {
    const ctx = current();
    const reviewer = await person(ctx, 'reviewer');
    // How often the payments table was vacuumed. The vacuum records this itself as it ends;
    // the dead-row count is no witness (a committed review reports its dead rows up to some
    // seconds later, possibly after the vacuum that removed them).
    const vacuums = async (): Promise<number> => {
      if (ctx.handle.dialect !== 'postgres') return 0;
      const stats = await sql<{ n: number }>`select vacuum_count as n from pg_stat_user_tables
        where relname = 'ds_disbursements'`.execute(ctx.handle.db);
      return stats.rows[0]?.n ?? 0;
    };
    const onPostgres = (n: number) => (ctx.handle.dialect === 'postgres' ? n : 0);
    // A small batch: below the threshold, left to autovacuum.
    const small = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments([templateRow('disbursements'), templateRow('disbursements')]),
      actor: { id: null, name: 'clerk' },
      scope: county,
    });
    await approveBatch(ctx, reviewer, small.batch_id);
    expect(await vacuums()).toBe(0);
    // 10,000 rows rewritten by the approval, and as many by its rollback: vacuumed after each.
    const rows = Array.from({ length: 10_000 }, () => templateRow('disbursements'));
    const large = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: payments(rows, 'large'),
      actor: { id: null, name: 'clerk' },
      scope: county,
    });
    expect(large.accepted).toBe(10_000);
    await approveBatch(ctx, reviewer, large.batch_id);
    expect(await vacuums()).toBe(onPostgres(1));
    expect(Object.keys(await liveAmounts(ctx))).toHaveLength(10_002);
    const admin = await person(ctx, 'admin');
    await rollbackBatch(ctx, admin, large.batch_id, '测试撤回');
    expect(Object.keys(await liveAmounts(ctx))).toHaveLength(2);
    expect(await vacuums()).toBe(onPostgres(2));
  });
});
