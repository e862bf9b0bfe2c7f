import type { Kysely } from 'kysely';
import { todayInChina } from '../core/dates.js';
import type { Database } from '../db/schema.js';
import { readSetting, settingKeys } from './settingsRepository.js';

/**
 * The day the deployment's data is judged against: today in China, unless the database is a
 * scenario frozen in time (the demo county), whose scans, overdue counts and timeliness scores
 * all take the scenario's date. Validation of dates in the future still uses the real today.
 */
export async function dataToday(db: Kysely<Database>): Promise<string> {
  return (await readSetting<string>(db, settingKeys.dataAsOf)) ?? todayInChina();
}
