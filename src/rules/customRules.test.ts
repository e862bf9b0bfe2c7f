import { expect, it } from 'vitest';
import { templateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { verifyAuditChain } from '../audit/verifyAuditChain.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { activeCustomRules, saveCustomRule, validateCustomRule } from './customRules.js';
import { runScan } from './runScan.js';
import { listWarnings } from '../warnings/warningsRepository.js';
import { scopeOf } from '../auth/scope.js';
import { heavyTruckRule } from '../../test/factories/customRules.js';

it('explains what is wrong with a rule definition, in Chinese', () => {
  expect(() => validateCustomRule({ ...heavyTruckRule, code: 'R17' })).toThrow(/code/);
  try {
    validateCustomRule({
      ...heavyTruckRule,
      fact: { ...heavyTruckRule.fact, where: [{ field: 'colour', op: 'eq', value: '红' }] },
    });
  } catch (error) {
    expect((error as { text: (l: string) => string }).text('zh')).toContain(
      '条件字段“colour”不是 vehicles 的字段',
    );
  }
  expect(() =>
    validateCustomRule({
      ...heavyTruckRule,
      fact: { ...heavyTruckRule.fact, dataset: 'bank_deposits' },
    }),
  ).toThrow(/fact.dataset/);
  expect(validateCustomRule(heavyTruckRule).code).toBe('C01');
});

describeForEachDatabase('custom rules', (current) => {
  it('runs an administrator’s rule like a built-in one, versioned and audited', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, '431226000000');
    const farmer = templateRow('residents');
    const other = templateRow('residents');
    await makeLive(ctx, 'residents', [farmer, other]);
    await makeLive(ctx, 'programs', [
      {
        ...templateRow('programs'),
        program_code: 'GD',
        name: '耕地地力保护补贴',
        means_tested: '否',
        standard_monthly: '',
        exclusive_with: '',
      },
    ]);
    await makeLive(ctx, 'vehicles', [
      {
        ...templateRow('vehicles'),
        id_number: farmer.id_number!,
        name: farmer.name!,
        vehicle_type: '重型货车',
        registered_date: '2023-05-01',
      },
      {
        ...templateRow('vehicles'),
        id_number: other.id_number!,
        name: other.name!,
        vehicle_type: '小型轿车',
        registered_date: '2023-05-01',
      },
    ]);
    const pay = (person: Record<string, string>, month: string) => ({
      ...templateRow('disbursements'),
      program_code: 'GD',
      id_number: person.id_number!,
      name: person.name!,
      account_holder: person.name!,
      account_holder_id_number: person.id_number!,
      household_id: person.household_id!,
      period: month,
      pay_date: `${month}-20`,
      amount: '120.00',
    });
    await makeLive(ctx, 'disbursements', [
      pay(farmer, '2024-03'),
      pay(farmer, '2024-04'),
      pay(other, '2024-03'),
    ]);

    expect(await auditedWrite(ctx, systemActor, (s) => saveCustomRule(s, heavyTruckRule))).toEqual({
      code: 'C01',
      version: 1,
    });
    expect(
      await auditedWrite(ctx, systemActor, (s) =>
        saveCustomRule(s, { ...heavyTruckRule, severity: '中' }),
      ),
    ).toEqual({ code: 'C01', version: 2 });
    const active = await activeCustomRules(ctx.handle.db);
    expect(active.map((r) => [r.code, r.version, r.severity])).toEqual([['C01', 2, '中']]);

    const summary = await runScan(ctx, {
      jurisdiction: '431226000000',
      kind: 'full',
      actor: systemActor,
    });
    expect(summary.hits.C01).toBe(2);
    const warnings = await listWarnings(ctx.handle.db, scopeOf('431226000000'), { rule: 'C01' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      subject_id_number: farmer.id_number,
      program_code: 'GD',
      periods: ['2024-03', '2024-04'],
      amount_fen: 24000,
    });
    expect(warnings[0]!.explanation).toMatch(
      /^.+名下有号牌为湘N\d+的货车（2023年5月1日登记），2024年3月至4月领取耕地地力保护补贴共240元，请核实是否仍在务农$/,
    );
    expect((await verifyAuditChain(ctx.handle.db)).ok).toBe(true);
  });
});
