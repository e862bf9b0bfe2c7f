import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { writeSetting } from '../settings/settingsRepository.js';
import { builtinRules } from './builtin/index.js';
import { officialCalendar } from '../calendar/officialCalendar.js';
import { ruleEnabled, ruleParams, ruleSettingsDigest } from './ruleSettings.js';

const r06 = builtinRules.find((r) => r.code === 'R06')!;

describeForEachDatabase('per-jurisdiction rule settings', (current) => {
  it('apply to the division and everything below it, and to nothing beside it', async () => {
    const ctx = current();
    await auditedWrite(ctx, systemActor, async (scope) => {
      await writeSetting(scope, 'rules.params.R06', { minHomes: 3 }, '431226000000');
      // A town whose code ends in zeros: its prefix is 431226100, not 4312261.
      await writeSetting(scope, 'rules.params.R06', { minHomes: 5 }, '431226100000');
      await writeSetting(scope, 'rules.enabled', { R06: false }, '431226100000');
    });
    expect(await ruleParams(ctx.handle.db, '431226000000', r06)).toEqual({ minHomes: 3 });
    expect(await ruleParams(ctx.handle.db, '431226100000', r06)).toEqual({ minHomes: 5 });
    expect(await ruleParams(ctx.handle.db, '431226100201', r06)).toEqual({ minHomes: 5 });
    expect(await ruleParams(ctx.handle.db, '431226101000', r06)).toEqual({ minHomes: 3 });
    expect(await ruleParams(ctx.handle.db, '431225000000', r06)).toEqual(r06.params);
    expect(await ruleEnabled(ctx.handle.db, '431226100000', 'R06')).toBe(false);
    expect(await ruleEnabled(ctx.handle.db, '431226109000', 'R06')).toBe(true);
  });

  it('change with the official holidays, so that the next scan is a full one', async () => {
    const db = current().handle.db;
    const released = { ...officialCalendar, digest: 'a later release' };
    expect(await ruleSettingsDigest(db)).toBe(await ruleSettingsDigest(db));
    expect(await ruleSettingsDigest(db, released)).not.toBe(await ruleSettingsDigest(db));
  });
});
