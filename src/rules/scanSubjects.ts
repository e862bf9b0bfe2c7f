import { sql } from 'kysely';
import type { WriteTx } from '../audit/auditedWrite.js';

/** Every column of a dataset that names a person by ID number. */
const personColumns: [string, string][] = [
  ['ds_residents', 'id_number'],
  ['ds_officials', 'id_number'],
  ['ds_relations', 'official_id_number'],
  ['ds_relations', 'relative_id_number'],
  ['ds_disbursements', 'id_number'],
  ['ds_disbursements', 'account_holder_id_number'],
  ['ds_disbursements', 'handler_id_number'],
  ['ds_deaths', 'id_number'],
  ['ds_payroll', 'id_number'],
  ['ds_vehicles', 'id_number'],
  ['ds_properties', 'id_number'],
  ['ds_disabilities', 'id_number'],
  ['ds_business_people', 'id_number'],
];

/**
 * The people an incremental scan re-checks: everyone named in a batch whose live state
 * changed since the last scan (approved or rolled back), then everyone those facts can
 * touch through the rules: the members of their households, the declared relatives of the
 * officials among them, the beneficiaries of payments they handled, and the beneficiaries
 * paid into the same accounts. Set-based, in the database.
 */
export async function collectScanSubjects(
  tx: WriteTx,
  scanId: number,
  sinceSeq: number,
): Promise<number> {
  const changed = sql`(select id from ingest_batches where approved_seq > ${sinceSeq} and status in ('approved', 'rolled_back'))`;
  const named = sql.join(
    personColumns.map(
      ([table, column]) =>
        sql`select ${sql.ref(column)} as subject from ${sql.table(table)} where batch_id in ${changed}`,
    ),
    sql` union `,
  );
  const add = (select: ReturnType<typeof sql>) =>
    sql`insert into scan_subjects (scan_id, subject) select distinct ${sql.lit(scanId)}, x.subject from (${select}) x
      where x.subject is not null on conflict do nothing`.execute(tx);
  const current = sql`(select subject from scan_subjects where scan_id = ${scanId})`;
  await add(named);
  // Households of the people named.
  await add(sql`select m.id_number as subject from ds_residents r join ds_residents m on m.live = 1 and m.household_id = r.household_id
    where r.live = 1 and r.id_number in ${current}`);
  // Declared relatives of officials, and their households.
  await add(
    sql`select rel.relative_id_number as subject from ds_relations rel where rel.live = 1 and rel.official_id_number in ${current}`,
  );
  await add(sql`select m.id_number as subject from ds_residents r join ds_residents m on m.live = 1 and m.household_id = r.household_id
    where r.live = 1 and r.id_number in ${current}`);
  // Payments they handled, and accounts they share.
  await add(
    sql`select d.id_number as subject from ds_disbursements d where d.live = 1 and d.handler_id_number in ${current}`,
  );
  await add(sql`select d.id_number as subject from ds_disbursements d where d.live = 1 and d.bank_account in (
    select e.bank_account from ds_disbursements e where e.live = 1 and e.id_number in ${current})`);
  const count = await sql<{
    n: number;
  }>`select count(*) as n from scan_subjects where scan_id = ${scanId}`.execute(tx);
  return count.rows[0]?.n ?? 0;
}
