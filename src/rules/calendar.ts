import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { addDays } from '../core/dates.js';
import { readSetting } from '../settings/settingsRepository.js';

/** The calendar covers these years; R14 counts working days with it. */
export const calendarStart = '1990-01-01';
export const calendarEnd = '2060-12-31';
/** Setting: holiday calendar, { "2024-10-01": false, "2024-10-12": true } (false: holiday, true: make-up working day). */
export const holidaySetting = 'calendar.overrides';
const builtSetting = 'calendar.built';

/**
 * Makes sure the calendar table reflects the holiday calendar: Monday to Friday are working
 * days unless the settings say otherwise. Rebuilt only when the overrides change.
 */
export async function ensureCalendar(ctx: AppContext): Promise<void> {
  const db = ctx.handle.db;
  const overrides = (await readSetting<Record<string, boolean>>(db, holidaySetting)) ?? {};
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify(Object.entries(overrides).sort()))
    .digest('hex');
  const built = await readSetting<string>(db, builtSetting);
  const rows = await db
    .selectFrom('calendar')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (built === hash && rows.n > 0) return;
  const days: { day: string; day_number: number; working: number; workday_index: number }[] = [];
  let index = 0;
  const epoch = Date.parse('1970-01-01T00:00:00Z');
  for (let day = calendarStart; day <= calendarEnd; day = addDays(day, 1)) {
    const time = Date.parse(`${day}T00:00:00Z`);
    const weekday = new Date(time).getUTCDay();
    const working = overrides[day] ?? (weekday !== 0 && weekday !== 6);
    if (working) index += 1;
    days.push({
      day,
      day_number: Math.round((time - epoch) / 86_400_000),
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
        value: JSON.stringify(hash),
        updated_at: new Date().toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['key', 'jurisdiction_code']).doUpdateSet({ value: JSON.stringify(hash) }),
      )
      .execute();
    await audit({
      action: 'calendar.build',
      entity: 'calendar',
      ids: [],
      after: { days: days.length, overrides: Object.keys(overrides).length },
    });
  });
}
