import { describe, expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { verifyAuditChain } from '../audit/verifyAuditChain.js';
import { nationalCode } from '../core/divisionCode.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import { describeDivision } from './describeDivision.js';
import { loadJurisdiction } from './loadJurisdiction.js';
import { isNationalDivision, nationalDivision } from './nationalDivisions.js';

describe('the national division table', () => {
  it('knows every level, down to villages anywhere in the country', () => {
    expect(nationalDivision('431226000000')).toMatchObject({
      name: '麻阳苗族自治县',
      level: 3,
      parentCode: '431200000000',
    });
    expect(nationalDivision('431226101000')).toMatchObject({ name: '锦和镇', level: 4 });
    expect(isNationalDivision('431226101001')).toBe(true);
    expect(isNationalDivision('110101001001')).toBe(true);
    expect(isNationalDivision('650102002005')).toBe(true);
    expect(isNationalDivision('650102002001')).toBe(false);
    expect(isNationalDivision('431226101999')).toBe(false);
    expect(isNationalDivision('999999000000')).toBe(false);
    expect(isNationalDivision('43122610100')).toBe(false);
  });
});

describeForEachDatabase('loading a jurisdiction', (current) => {
  it('loads a county with its ancestors, in one audited step', async () => {
    const ctx = current();
    const result = await loadJurisdiction(ctx, systemActor, '431226000000');
    expect(result.divisions).toBe(244);
    const db = ctx.handle.db;
    const levels = await db
      .selectFrom('divisions')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .orderBy('level')
      .execute();
    expect(levels).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 1 },
      { level: 3, n: 1 },
      { level: 4, n: 18 },
      { level: 5, n: 223 },
    ]);
    expect(await describeDivision(db, '431226101001')).toEqual({
      code: '431226101001',
      name: '东街社区',
      level: 5,
      fullName: '湖南省 怀化市 麻阳苗族自治县 锦和镇 东街社区',
    });
    expect(await readSetting(db, settingKeys.rootJurisdiction)).toBe('431226000000');
    const actions = await db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['setting.write', 'jurisdiction.load']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses an unknown code and a second jurisdiction, changing nothing', async () => {
    const ctx = current();
    await expect(loadJurisdiction(ctx, systemActor, '431226199000')).rejects.toMatchObject({
      code: 'UNKNOWN_REGION',
    });
    await loadJurisdiction(ctx, systemActor, '431226000000');
    await expect(loadJurisdiction(ctx, systemActor, '431225000000')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const count = await ctx.handle.db
      .selectFrom('divisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(244);
    // Loading the same one again is harmless.
    expect((await loadJurisdiction(ctx, systemActor, '431226000000')).divisions).toBe(244);
  });

  it('can serve the whole country', async () => {
    const ctx = current();
    const result = await loadJurisdiction(ctx, systemActor, nationalCode);
    expect(result.divisions).toBeGreaterThan(660_000);
    const village = await ctx.handle.db
      .selectFrom('divisions')
      .selectAll()
      .where('code', '=', '110101001001')
      .executeTakeFirstOrThrow();
    expect(village).toEqual({
      code: '110101001001',
      name: '多福巷社区居委会',
      level: 5,
      parent_code: '110101001000',
    });
  }, 120_000);
});
