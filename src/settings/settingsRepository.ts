import type { Kysely } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Database } from '../db/schema.js';

/** The deployment-wide jurisdiction marker in the settings table. */
export const deploymentWide = '';

export const settingKeys = {
  /** The 12-digit code of the division this deployment serves. */
  rootJurisdiction: 'jurisdiction.root',
  /** The date a scenario database is frozen at (the demo county); see dataToday.ts. */
  dataAsOf: 'scan.as_of',
} as const;

export async function readSetting<T>(
  db: Kysely<Database>,
  key: string,
  jurisdictionCode: string = deploymentWide,
): Promise<T | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .where('jurisdiction_code', '=', jurisdictionCode)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function writeSetting(
  { tx, audit }: WriteScope,
  key: string,
  value: unknown,
  jurisdictionCode: string = deploymentWide,
): Promise<void> {
  const before = await readSetting<unknown>(tx, key, jurisdictionCode);
  const json = JSON.stringify(value);
  const now = new Date().toISOString();
  await tx
    .insertInto('settings')
    .values({ key, jurisdiction_code: jurisdictionCode, value: json, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['key', 'jurisdiction_code']).doUpdateSet({ value: json, updated_at: now }),
    )
    .execute();
  await audit({
    action: 'setting.write',
    entity: 'setting',
    ids: [key],
    jurisdictionCode: jurisdictionCode || null,
    before,
    after: value,
  });
}
