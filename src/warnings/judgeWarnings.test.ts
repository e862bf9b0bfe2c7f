import { expect, it } from 'vitest';
import { templateRow } from '../../test/factories/templateRows.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase, type TestContext } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { scopeOf } from '../auth/scope.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { runScan } from '../rules/runScan.js';
import type { Judgement } from '../api/warnings.js';
import { judgeWarnings, resolveWarnings } from './judgeWarnings.js';
import { maskedWarningView } from './maskedWarning.js';
import { findWarning, listWarnings } from './warningsRepository.js';

const root = '431226000000';
const scope = scopeOf(root);

function scan(ctx: TestContext, kind: 'full' | 'incremental') {
  return runScan(ctx, { jurisdiction: root, kind, actor: systemActor });
}

type Person = Record<string, string>;

const pay = (p: Person, month: string) => ({
  ...templateRow('disbursements'),
  id_number: p.id_number!,
  name: p.name!,
  account_holder: p.name!,
  account_holder_id_number: p.id_number!,
  household_id: p.household_id!,
  period: month,
  pay_date: `${month}-10`,
  amount: '500',
});

/** A county of a few people paid monthly, two of whom died in February: two R01 warnings. */
async function countyWithDeaths(ctx: TestContext): Promise<Person[]> {
  await loadJurisdiction(ctx, systemActor, root);
  const people = Array.from({ length: 5 }, () => templateRow('residents'));
  await makeLive(ctx, 'residents', people);
  await makeLive(ctx, 'programs', [
    {
      ...templateRow('programs'),
      program_code: 'DB',
      name: '城乡低保',
      standard_monthly: '600',
      exclusive_with: '',
    },
  ]);
  await makeLive(
    ctx,
    'disbursements',
    people.flatMap((p) => ['2024-01', '2024-02', '2024-03', '2024-04'].map((m) => pay(p, m))),
  );
  await makeLive(
    ctx,
    'deaths',
    people.slice(0, 2).map((p) => ({
      ...templateRow('deaths'),
      id_number: p.id_number!,
      name: p.name!,
      death_date: '2024-02-10',
    })),
  );
  await scan(ctx, 'full');
  return people;
}

async function judge(
  ctx: TestContext,
  items: { warningId: number; judgement: Judgement; leadId: number | null; rectified?: boolean }[],
) {
  const inspector = await createTestUser(ctx, { role: 'inspector' });
  return auditedWrite(ctx, { id: inspector.id, name: inspector.username }, (w) =>
    judgeWarnings(w, items, { within: scope }),
  );
}

async function warningOf(ctx: TestContext, person: Person) {
  const all = await listWarnings(ctx.handle.db, scope, { rule: 'R01' });
  return all.find((w) => w.subject_id_number === person.id_number)!;
}

describeForEachDatabase('judgements on warnings', (current) => {
  it('keeps a dismissal across scans until the evidence changes, then reopens', async () => {
    const ctx = current();
    const people = await countyWithDeaths(ctx);
    const dead = people[0]!;
    const before = await warningOf(ctx, dead);
    expect(before).toMatchObject({ status: 'open', judgement: null, reopened: false });

    expect(await judge(ctx, [{ warningId: before.id, judgement: 'false_hit', leadId: 7 }])).toEqual(
      { judged: 1, resolved: [] },
    );
    expect(await warningOf(ctx, dead)).toMatchObject({
      status: 'dismissed',
      judgement: 'false_hit',
    });
    const open = await listWarnings(ctx.handle.db, scope, { status: 'open' });
    expect(open.map((w) => w.id)).not.toContain(before.id);

    // A full scan finds the same evidence: still dismissed, and counted as unchanged.
    const full = await scan(ctx, 'full');
    expect(full).toMatchObject({ new: 0, updated: 0, cleared: 0, open: 1 });
    expect(await warningOf(ctx, dead)).toMatchObject({ status: 'dismissed', reopened: false });

    // An incremental scan that re-checks the person's December (no new evidence): still
    // dismissed, its other months kept from the dismissed warning's evidence.
    await makeLive(ctx, 'disbursements', [pay(dead, '2023-12')]);
    const quiet = await scan(ctx, 'incremental');
    expect(quiet).toMatchObject({ kind: 'incremental', new: 0, updated: 0, cleared: 0 });
    expect(await warningOf(ctx, dead)).toMatchObject({
      status: 'dismissed',
      periods: ['2024-03', '2024-04'],
    });

    // A new payment after the death: the evidence changed, the warning is open again.
    await makeLive(ctx, 'disbursements', [pay(dead, '2024-05')]);
    const changed = await scan(ctx, 'incremental');
    expect(changed).toMatchObject({ kind: 'incremental', new: 0, updated: 1, open: 2 });
    const reopened = await warningOf(ctx, dead);
    expect(reopened).toMatchObject({
      id: before.id,
      status: 'open',
      judgement: 'false_hit',
      reopened: true,
      periods: ['2024-03', '2024-04', '2024-05'],
    });
    const row = await findWarning(ctx.handle.db, scope, before.id);
    expect(maskedWarningView(row!)).toMatchObject({ reopened: true, judgement: 'false_hit' });

    // A full scan agrees and keeps it reopened; a new judgement settles it on the new evidence.
    expect(await scan(ctx, 'full')).toMatchObject({ new: 0, updated: 0, cleared: 0 });
    expect(await warningOf(ctx, dead)).toMatchObject({ status: 'open', reopened: true });
    await judge(ctx, [{ warningId: before.id, judgement: 'data_error', leadId: 8 }]);
    await scan(ctx, 'full');
    expect(await warningOf(ctx, dead)).toMatchObject({
      status: 'dismissed',
      judgement: 'data_error',
      reopened: false,
    });
  });

  it('resolves confirmed warnings once rectified, and keeps them resolved', async () => {
    const ctx = current();
    const people = await countyWithDeaths(ctx);
    const [a, b] = [await warningOf(ctx, people[0]!), await warningOf(ctx, people[1]!)];
    const result = await judge(ctx, [
      { warningId: a.id, judgement: 'confirmed', leadId: 1, rectified: true },
      { warningId: b.id, judgement: 'partly', leadId: 1 },
    ]);
    expect(result).toEqual({ judged: 2, resolved: [a.id] });
    expect(await warningOf(ctx, people[1]!)).toMatchObject({
      status: 'open',
      judgement: 'partly',
    });
    const inspector = await createTestUser(ctx, { role: 'inspector' });
    const resolved = await auditedWrite(ctx, { id: inspector.id, name: inspector.username }, (w) =>
      resolveWarnings(w, [b.id]),
    );
    expect(resolved).toEqual([b.id]);
    await scan(ctx, 'full');
    expect(await warningOf(ctx, people[0]!)).toMatchObject({ status: 'resolved' });
    expect(await warningOf(ctx, people[1]!)).toMatchObject({ status: 'resolved' });
  });

  it('audits judgements with the digest they were made on, and refuses unknown warnings', async () => {
    const ctx = current();
    const people = await countyWithDeaths(ctx);
    const w = await warningOf(ctx, people[0]!);
    await judge(ctx, [{ warningId: w.id, judgement: 'data_error', leadId: null }]);
    const stored = await ctx.handle.db.selectFrom('warning_judgements').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      warning_id: w.id,
      judgement: 'data_error',
      lead_id: null,
      rule_code: 'R01',
      jurisdiction_code: w.jurisdiction_code,
    });
    expect(stored[0]!.evidence_digest).toMatch(/^[0-9a-f]{32}$/);
    const entries = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_ids', 'after'])
      .where('action', '=', 'warning.judge')
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.entity_ids)).toEqual([String(w.id)]);
    expect(entries[0]!.after).toContain(stored[0]!.evidence_digest!);
    await expect(
      judge(ctx, [{ warningId: 999_999, judgement: 'confirmed', leadId: null }]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  it('gives warnings stored before evidence digests one, without reopening or updating them', async () => {
    const ctx = current();
    const people = await countyWithDeaths(ctx);
    const [a, b] = [await warningOf(ctx, people[0]!), await warningOf(ctx, people[1]!)];
    const digests = await ctx.handle.db
      .selectFrom('warnings')
      .select(['id', 'evidence_digest'])
      .orderBy('id')
      .execute();
    await auditedWrite(ctx, systemActor, async (w) => {
      await w.tx.updateTable('warnings').set({ evidence_digest: null }).execute();
      await w.audit({ action: 'test.legacy', entity: 'warning', ids: [a.id, b.id] });
    });
    await judge(ctx, [{ warningId: a.id, judgement: 'false_hit', leadId: null }]);
    expect(await scan(ctx, 'full')).toMatchObject({ new: 0, updated: 0, cleared: 0 });
    expect(await warningOf(ctx, people[0]!)).toMatchObject({
      status: 'dismissed',
      reopened: false,
    });
    expect(
      await ctx.handle.db
        .selectFrom('warnings')
        .select(['id', 'evidence_digest'])
        .orderBy('id')
        .execute(),
    ).toEqual(digests);
  });
});
