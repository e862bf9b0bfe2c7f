import { expect, it } from 'vitest';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import type { AppContext } from '../appContext.js';
import { writeSetting } from '../settings/settingsRepository.js';
import { holidaySetting } from './calendarOverrides.js';
import { ensureCalendar } from './ensureCalendar.js';
import { officialCalendar } from './officialCalendar.js';

async function days(ctx: AppContext, ...wanted: string[]): Promise<Record<string, number>> {
  const rows = await ctx.handle.db
    .selectFrom('calendar')
    .select(['day', 'working'])
    .where('day', 'in', wanted)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.day, r.working]));
}

async function builds(ctx: AppContext): Promise<number> {
  const row = await ctx.handle.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'calendar.build')
    .executeTakeFirstOrThrow();
  return row.n;
}

describeForEachDatabase('the calendar table', (current) => {
  it('holds the official holidays and make-up days, with working days numbered', async () => {
    const ctx = current();
    await ensureCalendar(ctx);
    expect(await days(ctx, '2025-09-28', '2025-10-01', '2025-10-08', '2025-10-11')).toEqual({
      '2025-09-28': 1,
      '2025-10-01': 0,
      '2025-10-08': 0,
      '2025-10-11': 1,
    });
    const index = await ctx.handle.db
      .selectFrom('calendar')
      .select(['day', 'workday_index'])
      .where('day', 'in', ['2025-09-30', '2025-10-10'])
      .orderBy('day')
      .execute();
    expect(index[1]!.workday_index - index[0]!.workday_index).toBe(2);
  });

  it('is rebuilt when the official data or the overrides change, and only then', async () => {
    const ctx = current();
    await ensureCalendar(ctx);
    await ensureCalendar(ctx);
    expect(await builds(ctx)).toBe(1);

    // A new release of the holiday data that makes 2025-10-09 a holiday.
    const released = {
      ...officialCalendar,
      holidays: new Set([...officialCalendar.holidays, '2025-10-09']),
      digest: 'a later release',
    };
    await ensureCalendar(ctx, released);
    expect(await builds(ctx)).toBe(2);
    expect(await days(ctx, '2025-10-09')).toEqual({ '2025-10-09': 0 });

    await auditedWrite(ctx, systemActor, (scope) =>
      writeSetting(scope, holidaySetting, { '2025-10-09': true }),
    );
    await ensureCalendar(ctx, released);
    expect(await builds(ctx)).toBe(3);
    expect(await days(ctx, '2025-10-09')).toEqual({ '2025-10-09': 1 });
  });
});
