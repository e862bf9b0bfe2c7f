import { sql, type RawBuilder } from 'kysely';
import type { WriteTx } from '../audit/auditedWrite.js';
import type { Dialect } from '../db/openDatabase.js';
import { scanPaymentsTable } from './ruleContext.js';

/** Columns naming the person a record is about (a payment's beneficiary, a car's owner…). */
const subjectColumns: [string, string][] = [
  ['ds_residents', 'id_number'],
  ['ds_officials', 'id_number'],
  ['ds_relations', 'official_id_number'],
  ['ds_relations', 'relative_id_number'],
  ['ds_disbursements', 'id_number'],
  ['ds_deaths', 'id_number'],
  ['ds_payroll', 'id_number'],
  ['ds_vehicles', 'id_number'],
  ['ds_properties', 'id_number'],
  ['ds_disabilities', 'id_number'],
  ['ds_business_people', 'id_number'],
];

/** Columns whose change alters who a person is linked to (household, relations, office). */
const linkColumns: [string, string][] = [
  ['ds_residents', 'id_number'],
  ['ds_officials', 'id_number'],
  ['ds_relations', 'official_id_number'],
  ['ds_relations', 'relative_id_number'],
];

/**
 * A dataset table read by batch. SQLite's statistics are refreshed by full scans; after the
 * first load they say that one batch holds the whole table, and SQLite would then read every
 * row rather than the batch index (0.15 s a table on a county's payments). Name the index.
 */
function byBatch(dialect: Dialect, table: string): RawBuilder<unknown> {
  if (dialect !== 'sqlite') return sql.table(table);
  const index = table === 'ds_business_people' ? 'ds_business_people_row' : `${table}_batch`;
  return sql`${sql.table(table)} indexed by ${sql.id(index)}`;
}

/**
 * The people an incremental scan re-checks: everyone a batch approved or rolled back since
 * the last scan is about, and whoever those facts can reach through the rules — for people
 * whose links changed (registry, office, declarations), the declared relatives of officials
 * and the beneficiaries of payments they handled; the beneficiaries paid into the same
 * accounts for the same months as the changed payments; and the members of all their
 * households (householdFacts.ts relies on this: the facts it reads are the subjects'). Each
 * subject's registry entry is recorded with it. Set-based.
 */
export async function collectScanSubjects(
  tx: WriteTx,
  dialect: Dialect,
  scanId: number,
  sinceSeq: number,
): Promise<number> {
  // The batches as values, not a subquery, so that PostgreSQL plans with their row counts.
  const batches = await tx
    .selectFrom('ingest_batches')
    .select('id')
    .where('approved_seq', '>', sinceSeq)
    .where('status', 'in', ['approved', 'rolled_back'])
    .execute();
  if (batches.length === 0) return 0;
  const changed = sql`(${sql.join(batches.map((b) => b.id))})`;
  // The rows of those batches, and the rows their approval or rollback switched (the versions
  // they replaced or brought back: their people and accounts changed as much).
  const touched = (table: string, column: string): RawBuilder<unknown> =>
    sql`select ${sql.ref(column)} from ${byBatch(dialect, table)} where batch_id in ${changed}
      union select ${sql.ref(column)} from ${sql.table(table)} where live_changed_by in ${changed}`;
  // A business's people are rows of their own, found from the business row they belong to.
  const touchedPeople = sql`select id_number from ${byBatch(dialect, 'ds_business_people')} where batch_id in ${changed}
      union select bp.id_number from ds_businesses b
      join ds_business_people bp on bp.batch_id = b.batch_id and bp.row_number = b.row_number
      where b.live_changed_by in ${changed}`;
  const union = (columns: [string, string][]): RawBuilder<unknown> =>
    sql.join(
      columns.map(
        ([table, column]) =>
          sql`select ${sql.ref(column)} as subject from (${
            table === 'ds_business_people' ? touchedPeople : touched(table, column)
          }) t`,
      ),
      sql` union `,
    );
  const add = (select: RawBuilder<unknown>) =>
    sql`insert into scan_subjects (scan_id, subject) select distinct ${sql.lit(scanId)}, x.subject from (${select}) x
      where x.subject is not null on conflict do nothing`.execute(tx);
  const current = sql`(select subject from scan_subjects where scan_id = ${scanId})`;
  const linked = sql`(${union(linkColumns)})`;
  await add(union(subjectColumns));
  // People whose links changed: the relatives officials declared, and whom they handled.
  await add(
    sql`select rel.relative_id_number as subject from ds_relations rel where rel.live = 1 and rel.official_id_number in ${linked}`,
  );
  await add(
    sql`select d.id_number as subject from ds_disbursements d where d.live = 1 and d.handler_id_number in ${linked}`,
  );
  // Everyone paid into an account for a month a changed payment is for (R10: an account
  // shared in one month; the people of other months are untouched).
  // (Two statements: PostgreSQL read every payment for the union of both account lists.)
  await add(sql`select d.id_number as subject from ds_disbursements d where d.live = 1 and (d.bank_account, d.period) in (
    select bank_account, period from ${byBatch(dialect, 'ds_disbursements')} where batch_id in ${changed})`);
  await add(sql`select d.id_number as subject from ds_disbursements d where d.live = 1 and (d.bank_account, d.period) in (
    select bank_account, period from ds_disbursements where live_changed_by in ${changed})`);
  // Each subject's registry entry (the live row, whatever its status), looked up once: the
  // households below start from it, and the rules read it (scan_subjects' household_id, name
  // and registered; the payment copy's registry_household). Rows added later with their
  // entry, or looked up at the end.
  const lookUp = () =>
    sql`update scan_subjects as s set household_id = r.household_id, name = r.name,
      registered = case when r.status = '正常' then 1 else 0 end
      from ds_residents r
      where s.scan_id = ${scanId} and s.registered is null and r.live = 1 and r.id_number = s.subject`.execute(
      tx,
    );
  await lookUp();
  const addResidents = (where: RawBuilder<unknown>) =>
    sql`insert into scan_subjects (scan_id, subject, household_id, name, registered)
      select ${sql.lit(scanId)}, m.id_number, m.household_id, m.name, case when m.status = '正常' then 1 else 0 end
      from ds_residents m where m.live = 1 and ${where} on conflict do nothing`.execute(tx);
  // Last, whole households, so that every fact a re-checked payment can meet through a
  // household (R02, R05–R07) is about a subject: the registry households of the subjects,
  // and those the changed batches took someone out of (the registry rows they replaced or
  // withdrew: a car owner who moved out no longer taints the old household's payments);
  // whoever else is paid for those households (people not on the registry); and for
  // subjects not on the registry, the households their payments name.
  const households = sql`(select household_id from scan_subjects where scan_id = ${scanId} and household_id is not null
    union select household_id from ds_residents where live_changed_by in ${changed}
    union select household_id from ${byBatch(dialect, 'ds_residents')} where batch_id in ${changed})`;
  await addResidents(sql`m.household_id in ${households}`);
  await add(sql`select d.id_number as subject from ds_disbursements d where d.live = 1 and d.household_id in ${households}
    and d.id_number not in ${current}`);
  await lookUp();
  await addResidents(sql`m.household_id in (select d.household_id from scan_subjects s
    join ds_disbursements d on d.live = 1 and d.id_number = s.subject and d.household_id is not null
    where s.scan_id = ${scanId} and coalesce(s.registered, 0) = 0)`);
  const count = await sql<{
    n: number;
  }>`select count(*) as n from scan_subjects where scan_id = ${scanId}`.execute(tx);
  return count.rows[0]?.n ?? 0;
}

/** The payment columns the rules read, copied for an incremental scan. */
const paymentColumns = [
  'row_id',
  'record_id',
  'program_code',
  'id_number',
  'name',
  'village_code',
  'household_id',
  'household_size',
  'period',
  'pay_date',
  'amount_fen',
  'bank_account',
  'account_holder',
  'account_holder_id_number',
  'handler_id_number',
  'name_fold',
  'holder_fold',
  'holder_pinyin',
];

/** The lookups the payment rules make. */
const paymentIndexes = [
  ['id_number', 'period'],
  ['program_code', 'period'],
  ['bank_account', 'period'],
  ['household_id'],
  ['handler_id_number'],
  ['row_id'],
];

/**
 * Copies the live payments of an incremental scan's subjects into a table of the scan's own,
 * where the rules read them (payments() in ruleContext.ts): a few thousand people's payments
 * instead of the county's, each with its beneficiary's registry household
 * (`registry_household`; null unless the beneficiary is in the registry with normal status).
 * Indexed after it is filled and analysed, so that the planner knows how small it is; neither
 * database logs it. Returns how many were copied.
 */
export async function copyScanPayments(
  tx: WriteTx,
  dialect: Dialect,
  scanId: number,
): Promise<number> {
  const table = scanPaymentsTable(scanId);
  const rows = sql`select ${sql.join(paymentColumns.map((c) => sql.ref(`d.${c}`)))},
      case when s.registered = 1 then s.household_id end as registry_household
    from scan_subjects s join ds_disbursements d on d.live = 1 and d.id_number = s.subject
    where s.scan_id = ${sql.lit(scanId)}`;
  // SQLite: a temporary table of the one connection, written outside the database file and
  // its write-ahead log, gone with the connection; its page cache holds the whole copy.
  if (dialect === 'sqlite') await sql`pragma temp.cache_size = -131072`.execute(tx);
  const kind = dialect === 'postgres' ? sql`unlogged` : sql`temp`;
  await sql`create ${kind} table ${sql.table(table)} as ${rows}`.execute(tx);
  for (const columns of paymentIndexes) {
    await sql`create index ${sql.id(`${table}_${columns.join('_')}`)}
      on ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})`.execute(tx);
  }
  // Rough statistics are enough to tell the planner the copy is small: a small sample.
  if (dialect === 'sqlite') await sql`pragma analysis_limit = 1000`.execute(tx);
  else await sql`set local default_statistics_target = 10`.execute(tx);
  await sql`analyze ${sql.table(table)}`.execute(tx);
  if (dialect === 'sqlite') await sql`pragma analysis_limit = 0`.execute(tx);
  const count = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)}`.execute(tx);
  return Number(count.rows[0]?.n ?? 0);
}

/** Removes what an incremental scan kept while it ran: its subjects and its payment copy. */
export async function dropScanSubjects(tx: WriteTx, scanId: number): Promise<void> {
  await sql`delete from scan_subjects where scan_id = ${scanId}`.execute(tx);
  await sql`drop table if exists ${sql.table(scanPaymentsTable(scanId))}`.execute(tx);
}
