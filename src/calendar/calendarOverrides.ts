import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { readSetting } from '../settings/settingsRepository.js';
import type { CalendarOverrides } from './workingDays.js';

/**
 * Setting (deployment-wide): a county's own days, { "2024-10-01": false, "2024-10-12": true }
 * (false: holiday, true: make-up working day). They win over the official calendar.
 */
export const holidaySetting = 'calendar.overrides';

export async function readCalendarOverrides(db: Kysely<Database>): Promise<CalendarOverrides> {
  const saved = (await readSetting<Record<string, boolean>>(db, holidaySetting)) ?? {};
  return new Map(Object.entries(saved).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
