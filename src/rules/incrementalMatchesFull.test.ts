import { expect, it } from 'vitest';
import { newIdNumber } from '../../test/factories/people.js';
import { templateRow, type TemplateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase, type TestContext } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { createAdministrator } from '../auth/createAdministrator.js';
import { scopeOf } from '../auth/scope.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { generateCounty } from '../demo/generateCounty.js';
import { loadCountyRows } from '../demo/loadDemoCounty.js';
import { rollbackBatch } from '../ingest/reviewBatch.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { runScan } from './runScan.js';

const root = '431226000000';

/** Scans the test county (as of `today`), full or incremental. */
function scanner(ctx: TestContext, today: string) {
  return (kind: 'full' | 'incremental') =>
    runScan(ctx, { jurisdiction: root, kind, actor: systemActor, today });
}

/** A full scan right after an incremental one finds nothing new, changed or to clear. */
async function expectFullAgrees(scan: ReturnType<typeof scanner>): Promise<void> {
  const full = await scan('full');
  expect(full).toMatchObject({ kind: 'full', new: 0, updated: 0, cleared: 0 });
}

/** A payment of programme DB to a registered person, in March 2024, into their own account. */
function paymentTo(person: TemplateRow, fields: TemplateRow = {}): TemplateRow {
  return {
    ...templateRow('disbursements'),
    program_code: 'DB',
    id_number: person.id_number!,
    name: person.name!,
    village_code: person.village_code!,
    household_id: person.household_id!,
    account_holder: person.name!,
    account_holder_id_number: person.id_number!,
    period: '2024-03',
    pay_date: '2024-03-10',
    ...fields,
  };
}

/** Rolls a batch back ("数据有误") as the administrator, who is created on first use. */
async function rollBack(ctx: TestContext, batchId: number): Promise<void> {
  if (!(await findUserByUsername(ctx.handle.db, 'admin'))) await createAdministrator(ctx, root);
  const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
  await rollbackBatch(
    ctx,
    { actor: { id: admin.id, name: 'admin' }, role: 'admin', scope: scopeOf(root) },
    batchId,
    '数据有误',
  );
}

/** A means-tested programme (DB) and one payment of it to the person, in March 2024. */
async function paidMeansTested(ctx: TestContext, person: TemplateRow): Promise<void> {
  await makeLive(ctx, 'programs', [
    { ...templateRow('programs'), program_code: 'DB', means_tested: '是', exclusive_with: '' },
  ]);
  await makeLive(ctx, 'disbursements', [paymentTo(person)]);
}

/**
 * An incremental scan must leave exactly what a full scan would: after a mix of changes
 * (deaths, a new month of payments, a declared relative, a batch rolled back), a full scan
 * right after the incremental one finds nothing new, nothing changed and nothing to clear.
 */
describeForEachDatabase('incremental scans against full ones', (current) => {
  it('an incremental scan after mixed changes leaves what a full scan leaves', async () => {
    const ctx = current();
    const county = generateCounty({ region: root, people: 1500, seed: 11, year: 2024 });
    await loadJurisdiction(ctx, systemActor, root);
    await createAdministrator(ctx, root);
    const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
    const actor = { id: admin.id, name: 'admin' };
    await loadCountyRows(ctx, { actor, scope: scopeOf(root) }, county);
    const scan = scanner(ctx, county.today);
    await scan('full');

    const payments = county.rows.disbursements!;
    const dead = new Set(county.rows.deaths!.map((d) => d.id_number));
    const june = [
      ...new Map(
        payments
          .filter((p) => p.period === '2024-06' && !dead.has(p.id_number))
          .map((p) => [p.id_number!, p]),
      ).values(),
    ];
    expect(june.length).toBeGreaterThan(6);
    // Four beneficiaries died in May, still paid afterwards (R01).
    await makeLive(
      ctx,
      'deaths',
      june.slice(0, 4).map((p) => ({
        ...templateRow('deaths'),
        id_number: p.id_number!,
        name: p.name!,
        death_date: '2024-05-03',
      })),
    );
    // An official declares one of them as a spouse (R03 when means-tested).
    await makeLive(ctx, 'relations', [
      {
        official_id_number: county.rows.officials![0]!.id_number!,
        relative_id_number: june[5]!.id_number!,
        relative_name: june[5]!.name!,
        relation: '配偶',
      },
    ]);
    // A new month of payments for part of December's beneficiaries.
    const december = payments.filter((p) => p.period === '2024-12').slice(0, 150);
    await makeLive(
      ctx,
      'disbursements',
      december.map((p, i) => ({
        ...p,
        record_id: `INC-2025-${i}`,
        period: '2025-01',
        pay_date: '2025-01-10',
      })),
    );
    // The vehicle register turns out to be wrong and is rolled back.
    const vehicles = await ctx.handle.db
      .selectFrom('ingest_batches')
      .select('id')
      .where('dataset', '=', 'vehicles')
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    await rollBack(ctx, vehicles.id);

    const incremental = await scan('incremental');
    expect(incremental.kind).toBe('incremental');
    expect(incremental.new).toBeGreaterThan(0);
    expect(incremental.cleared).toBeGreaterThan(0);
    const full = await scan('full');
    expect(full).toMatchObject({
      kind: 'full',
      new: 0,
      updated: 0,
      cleared: 0,
      open: incremental.open,
    });
  }, 240_000);

  it('re-checks the people a replaced version touched (a payment moved out of a shared account)', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const a = templateRow('residents');
    const b = {
      ...templateRow('residents'),
      household_id: a.household_id!,
      relation_to_head: '配偶',
    };
    const c = templateRow('residents');
    await makeLive(ctx, 'residents', [a, b, c]);
    await makeLive(ctx, 'programs', [
      { ...templateRow('programs'), program_code: 'DB', exclusive_with: '' },
    ]);
    const payment = (person: TemplateRow, account: string) =>
      paymentTo(person, {
        record_id: `SHARE-${person.id_number!}`,
        account_holder_id_number: '',
        bank_account: account,
      });
    const shared = '6217000010000000001';
    await makeLive(
      ctx,
      'disbursements',
      [a, b, c].map((p) => payment(p, shared)),
    );
    const scan = scanner(ctx, '2024-12-31');
    const first = await scan('full');
    expect(first.hits.R10).toBe(3);
    // C's payment was entered with the wrong account: corrected, a new version of the record.
    await makeLive(ctx, 'disbursements', [payment(c, '6217000010000000999')]);
    const incremental = await scan('incremental');
    expect(incremental).toMatchObject({ kind: 'incremental', cleared: 3 });
    await expectFullAgrees(scan);
  });

  it("re-checks a new month of payments only, keeping the warning's evidence of the other months", async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const owner = templateRow('residents');
    const neighbour = templateRow('residents');
    await makeLive(ctx, 'residents', [owner, neighbour]);
    await paidMeansTested(ctx, owner);
    await makeLive(ctx, 'disbursements', [
      paymentTo(owner, { record_id: 'OWN-02', period: '2024-02', pay_date: '2024-02-10' }),
      paymentTo(neighbour, { record_id: 'NB-03' }),
    ]);
    await makeLive(ctx, 'vehicles', [
      { ...templateRow('vehicles'), id_number: owner.id_number!, name: owner.name! },
    ]);
    const scan = scanner(ctx, '2024-12-31');
    expect((await scan('full')).hits.R05).toBe(2);
    const warning = () =>
      ctx.handle.db
        .selectFrom('warnings')
        .selectAll()
        .where('rule_code', '=', 'R05')
        .where('subject', '=', owner.id_number!)
        .executeTakeFirstOrThrow();
    const before = await warning();

    // April's payments: the owner's re-checked for April alone, and the R05 warning grows.
    const april = await makeLive(ctx, 'disbursements', [
      paymentTo(owner, { record_id: 'OWN-04', period: '2024-04', pay_date: '2024-04-10' }),
      paymentTo(neighbour, { record_id: 'NB-04', period: '2024-04', pay_date: '2024-04-10' }),
    ]);
    const incremental = await scan('incremental');
    expect(incremental).toMatchObject({ kind: 'incremental', subjects: 2, updated: 1 });
    const subjects = await ctx.handle.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'scan.subjects')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(subjects.after!)).toMatchObject({ subjects: 2, payments: 2 });
    const after = await warning();
    expect(after.id).toBe(before.id);
    expect(JSON.parse(after.periods)).toEqual(['2024-02', '2024-03', '2024-04']);
    expect(JSON.parse(after.record_ids)).toHaveLength(3);
    await expectFullAgrees(scan);

    // April's batch is rolled back: April is re-checked again, the other months kept.
    await rollBack(ctx, april);
    expect(await scan('incremental')).toMatchObject({ kind: 'incremental', updated: 1 });
    expect(JSON.parse((await warning()).periods)).toEqual(['2024-02', '2024-03']);
    await expectFullAgrees(scan);
  });

  it('re-checks payees not on the registry when the registry comes to their village, or leaves it (R11)', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const villager = templateRow('residents');
    const stranger = { ...templateRow('residents'), village_code: villager.village_code! };
    await paidMeansTested(ctx, stranger);
    const scan = scanner(ctx, '2024-12-31');
    expect((await scan('full')).hits.R11).toBe(0);
    // The village's registry arrives; the stranger is not on it.
    const registry = await makeLive(ctx, 'residents', [villager]);
    expect(await scan('incremental')).toMatchObject({ kind: 'incremental', new: 1 });
    await expectFullAgrees(scan);
    // It was the wrong village's file: rolled back, the village has no registry again.
    await rollBack(ctx, registry);
    expect(await scan('incremental')).toMatchObject({ kind: 'incremental', cleared: 1 });
    await expectFullAgrees(scan);
  });

  it('scans in full after a change of the programme catalogue', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const owner = templateRow('residents');
    await makeLive(ctx, 'residents', [owner]);
    await makeLive(ctx, 'programs', [
      { ...templateRow('programs'), program_code: 'DB', means_tested: '否', exclusive_with: '' },
    ]);
    await makeLive(ctx, 'disbursements', [paymentTo(owner)]);
    await makeLive(ctx, 'vehicles', [
      { ...templateRow('vehicles'), id_number: owner.id_number!, name: owner.name! },
    ]);
    const scan = scanner(ctx, '2024-12-31');
    expect((await scan('full')).hits.R05).toBe(0);
    // The programme turns out to be means-tested: every payment of it is to be re-checked.
    await makeLive(ctx, 'programs', [
      { ...templateRow('programs'), program_code: 'DB', means_tested: '是', exclusive_with: '' },
    ]);
    const next = await scan('incremental');
    expect(next).toMatchObject({ kind: 'full', new: 1 });
    expect(next.hits.R05).toBe(1);
  });

  it('re-checks the people of a replaced business row (a shareholder taken off the register)', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const person = templateRow('residents');
    await makeLive(ctx, 'residents', [person]);
    await paidMeansTested(ctx, person);
    const business = templateRow('businesses');
    const others = business.shareholder_id_numbers!;
    await makeLive(ctx, 'businesses', [
      { ...business, shareholder_id_numbers: `${others};${person.id_number!}` },
    ]);
    const scan = scanner(ctx, '2024-12-31');
    expect((await scan('full')).hits.R07).toBe(1);
    // The register is corrected: the person was never a shareholder (a new version of the row).
    await makeLive(ctx, 'businesses', [{ ...business, shareholder_id_numbers: others }]);
    expect(await scan('incremental')).toMatchObject({ kind: 'incremental', cleared: 1 });
    await expectFullAgrees(scan);
  });

  it('re-checks the household a person moved out of (their facts no longer reach it)', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const payee = templateRow('residents');
    const owner: TemplateRow = {
      ...templateRow('residents'),
      household_id: payee.household_id!,
      village_code: payee.village_code!,
    };
    await makeLive(ctx, 'residents', [payee, owner]);
    await paidMeansTested(ctx, payee);
    await makeLive(ctx, 'vehicles', [
      { ...templateRow('vehicles'), id_number: owner.id_number!, name: owner.name! },
    ]);
    const scan = scanner(ctx, '2024-12-31');
    expect((await scan('full')).hits.R05).toBe(1);
    // The car owner moves to a household of their own (a new version of their registry row).
    await makeLive(ctx, 'residents', [{ ...owner, household_id: `${owner.household_id!}9` }]);
    expect(await scan('incremental')).toMatchObject({ kind: 'incremental', cleared: 1 });
    await expectFullAgrees(scan);
  });

  it('reaches payees outside the registry through the households their payments name', async () => {
    const ctx = current();
    const county = generateCounty({ region: root, people: 600, seed: 12, year: 2024 });
    await loadJurisdiction(ctx, systemActor, root);
    await createAdministrator(ctx, root);
    const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
    await loadCountyRows(
      ctx,
      { actor: { id: admin.id, name: 'admin' }, scope: scopeOf(root) },
      county,
    );
    const scan = scanner(ctx, county.today);
    await scan('full');

    const program = county.rows.programs!.find((p) => p.means_tested === '是')!;
    const owners = new Set(county.rows.vehicles!.map((v) => v.id_number));
    const households = new Map<string, Record<string, string>[]>();
    for (const r of county.rows.residents!) {
      if (r.status !== '正常') continue;
      households.set(r.household_id!, [...(households.get(r.household_id!) ?? []), r]);
    }
    const [first, second] = [...households.values()].filter(
      (members) => members.length >= 2 && members.every((m) => !owners.has(m.id_number)),
    );
    const car = (owner: Record<string, string>, plate: string) => ({
      ...templateRow('vehicles'),
      id_number: owner.id_number!,
      name: owner.name!,
      plate,
      registered_date: '2023-05-01',
    });
    const paymentTo = (id: string, household: Record<string, string>, record: string) => ({
      ...templateRow('disbursements'),
      record_id: record,
      program_code: program.program_code!,
      id_number: id,
      name: '外户测甲',
      village_code: household.village_code!,
      household_id: household.household_id!,
      account_holder: '外户测甲',
      account_holder_id_number: id,
      period: '2024-08',
      pay_date: '2024-08-10',
    });
    const openOf = async (rule: string, subject: string) =>
      ctx.handle.db
        .selectFrom('warnings')
        .select('id')
        .where('rule_code', '=', rule)
        .where('subject', '=', subject)
        .where('status', '=', 'open')
        .execute();

    // A payee not on the registry is paid for a household; a member's car arrives later.
    const outsider = newIdNumber({ region: '431221' });
    await makeLive(ctx, 'disbursements', [paymentTo(outsider, first![0]!, 'OUT-1')]);
    await scan('incremental');
    expect(await openOf('R05', outsider)).toHaveLength(0);
    await makeLive(ctx, 'vehicles', [car(first![1]!, '湘N9T001')]);
    await scan('incremental');
    expect(await openOf('R05', outsider)).toHaveLength(1);

    // A member's car and two homes first; then a payee not on the registry is paid for that
    // household.
    await makeLive(ctx, 'vehicles', [car(second![1]!, '湘N9T002')]);
    const owner = second![1]!;
    await makeLive(
      ctx,
      'properties',
      ['9000001', '9000002'].map((n) => ({
        ...templateRow('properties'),
        id_number: owner.id_number!,
        name: owner.name!,
        certificate_no: `湘（2023）麻阳县不动产权第${n}号`,
      })),
    );
    await scan('incremental');
    const another = newIdNumber({ region: '431221' });
    await makeLive(ctx, 'disbursements', [paymentTo(another, second![0]!, 'OUT-2')]);
    await scan('incremental');
    expect(await openOf('R05', another)).toHaveLength(1);
    expect(await openOf('R06', another)).toHaveLength(1);

    await expectFullAgrees(scan);
  }, 240_000);
});
