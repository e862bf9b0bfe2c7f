import type { Kysely } from 'kysely';
import { holidaySetting } from '../calendar/calendarOverrides.js';
import { officialCalendar, type OfficialCalendar } from '../calendar/officialCalendar.js';
import { divisionPrefix } from '../core/divisionCode.js';
import type { Database } from '../db/schema.js';
import type { BuiltinRule } from './builtinRule.js';

/**
 * Per-jurisdiction rule settings: `rules.enabled` ({ "R05": false }) and
 * `rules.params.<code>` (thresholds and exempt lists), read for the scanned division or,
 * failing that, the nearest division above it, or the deployment.
 */
async function nearest<T>(
  db: Kysely<Database>,
  key: string,
  jurisdiction: string,
): Promise<T | undefined> {
  const rows = await db
    .selectFrom('settings')
    .select(['jurisdiction_code', 'value'])
    .where('key', '=', key)
    .execute();
  let best: { length: number; value: T } | undefined;
  for (const row of rows) {
    // The division's own prefix by its level: trimming zeros would make town 431226100
    // (prefix 4312261) cover towns 431226101 to 431226109 as well.
    const code = row.jurisdiction_code === '' ? '' : divisionPrefix(row.jurisdiction_code);
    if (!jurisdiction.startsWith(code)) continue;
    const length = code.length;
    if (!best || length > best.length) best = { length, value: JSON.parse(row.value) as T };
  }
  return best?.value;
}

export async function ruleEnabled(
  db: Kysely<Database>,
  jurisdiction: string,
  code: string,
): Promise<boolean> {
  const enabled = await nearest<Record<string, boolean>>(db, 'rules.enabled', jurisdiction);
  return enabled?.[code] ?? true;
}

export async function ruleParams(
  db: Kysely<Database>,
  jurisdiction: string,
  rule: BuiltinRule,
): Promise<Record<string, unknown>> {
  const custom = await nearest<Record<string, unknown>>(
    db,
    `rules.params.${rule.code}`,
    jurisdiction,
  );
  return { ...rule.params, ...(custom ?? {}) };
}

/**
 * A digest of every rule setting, the working-day calendar included (the county's overrides
 * and the official holidays): when it changes, the next scan is a full one.
 */
export async function ruleSettingsDigest(
  db: Kysely<Database>,
  official: OfficialCalendar = officialCalendar,
): Promise<string> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'jurisdiction_code', 'value'])
    .where((eb) => eb.or([eb('key', 'like', 'rules.%'), eb('key', '=', holidaySetting)]))
    .orderBy('key')
    .orderBy('jurisdiction_code')
    .execute();
  const definitions = await db
    .selectFrom('rule_definitions')
    .select(['code', 'version', 'active'])
    .orderBy('id')
    .execute();
  return JSON.stringify([rows, definitions, official.digest]);
}
