import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { addDays } from '../core/dates.js';
import { readSetting } from '../settings/settingsRepository.js';
import { readCalendarOverrides } from './calendarOverrides.js';
import { officialCalendar, type OfficialCalendar } from './officialCalendar.js';
import { isWorkingDay } from './workingDays.js';

/** The calendar table covers these years; R14 counts working days with it. */
export const calendarStart = '1990-01-01';
export const calendarEnd = '2060-12-31';
const builtSetting = 'calendar.built';

/**
 * Makes sure the calendar table holds the working days of isWorkingDay. Rebuilt only when
 * the county's overrides or the official holidays (a new release of chinese-days) change.
 */
export async function ensureCalendar(
  ctx: AppContext,
  official: OfficialCalendar = officialCalendar,
): Promise<void> {
  const db = ctx.handle.db;
  const overrides = await readCalendarOverrides(db);
  const marker = crypto
    .createHash('sha256')
    .update(JSON.stringify([[...overrides], official.digest]))
    .digest('hex');
  const built = await readSetting<string>(db, builtSetting);
  const rows = await db
    .selectFrom('calendar')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (built === marker && rows.n > 0) return;
  const days: { day: string; day_number: number; working: number; workday_index: number }[] = [];
  let index = 0;
  const epoch = Date.parse('1970-01-01T00:00:00Z');
  for (let day = calendarStart; day <= calendarEnd; day = addDays(day, 1)) {
    const working = isWorkingDay(day, overrides, official);
    if (working) index += 1;
    days.push({
      day,
      day_number: Math.round((Date.parse(`${day}T00:00:00Z`) - epoch) / 86_400_000),
      working: working ? 1 : 0,
      workday_index: index,
    });
  }
  await auditedWrite(ctx, systemActor, async ({ tx, audit }) => {
    await sql`delete from calendar`.execute(tx);
    for (let i = 0; i < days.length; i += 2000)
      await tx
        .insertInto('calendar')
        .values(days.slice(i, i + 2000))
        .execute();
    await tx
      .insertInto('settings')
      .values({
        key: builtSetting,
        jurisdiction_code: '',
        value: JSON.stringify(marker),
        updated_at: new Date().toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['key', 'jurisdiction_code']).doUpdateSet({ value: JSON.stringify(marker) }),
      )
      .execute();
    await audit({
      action: 'calendar.build',
      entity: 'calendar',
      ids: [],
      after: {
        days: days.length,
        overrides: overrides.size,
        official: `chinese-days ${official.version} (${official.firstYear}-${official.lastYear})`,
      },
    });
  });
}
