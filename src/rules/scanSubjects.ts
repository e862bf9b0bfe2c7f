import { sql, type Kysely, type RawBuilder } from 'kysely';
import { changedRowsSince, estimatedLiveRows } from '../ingest/batchesRepository.js';
import type { WriteTx } from '../audit/auditedWrite.js';
import type { Dialect } from '../db/openDatabase.js';
import type { Database } from '../db/schema.js';
import { scanPaymentsTable } from './ruleContext.js';
import { isLive } from '../ingest/liveRows.js';

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
 * row rather than the batch index. Name the index.
 */
function byBatch(dialect: Dialect, table: string): RawBuilder<unknown> {
  if (dialect !== 'sqlite') return sql.table(table);
  const index = table === 'ds_business_people' ? 'ds_business_people_row' : `${table}_batch`;
  return sql`${sql.table(table)} indexed by ${sql.id(index)}`;
}

/**
 * Whether a batch of the programme catalogue was approved or rolled back since `sinceSeq`:
 * such a change bears on every payment of its programmes, so the next scan is full.
 */
export async function catalogueChanged(db: Kysely<Database>, sinceSeq: number): Promise<boolean> {
  const batch = await db
    .selectFrom('ingest_batches')
    .select('id')
    .where('dataset', '=', 'programs')
    .where('approved_seq', '>', sinceSeq)
    .where('status', 'in', ['approved', 'rolled_back'])
    .executeTakeFirst();
  return batch !== undefined;
}

/** Changed payments, as a share of the live ones, above which a full scan is cheaper. */
const largePaymentChange = 0.3;
/** Below this many changed payments an incremental scan costs little whatever the share. */
const largePaymentRows = 20_000;
/**
 * People re-checked, as a share of the registry, above which a full scan is cheaper: where
 * the first-load bench found the two costs equal on each database (docs/performance.md).
 */
const largeSubjectShare: Record<Dialect, number> = { sqlite: 0.45, postgres: 0.25 };
/** Below this many people re-checked an incremental scan costs little whatever the share. */
const largeSubjectCount = 5_000;

/**
 * Records other than payments changed, as a share of the registry, above which the people to
 * re-check (each with their household, about three times as many) would be too many: known
 * before listing them, which for a first load of cars or homes costs seconds. Monthly records
 * (payroll) stay below it for most loads.
 */
const largeRecordShare = 0.15;

/** Whether the records other than payments changed since `sinceSeq` call for a full scan. */
export async function recordsChangeLarge(
  db: Kysely<Database>,
  sinceSeq: number,
  residents: number,
): Promise<boolean> {
  // Payments have their own measure; a catalogue change makes the scan full anyway.
  const changed = await changedRowsSince(db, { except: ['disbursements', 'programs'] }, sinceSeq);
  return changed >= largeSubjectCount && changed > largeRecordShare * residents;
}

/** Whether re-checking `rechecked` people of a registry of `residents` costs more than a full scan. */
export function subjectsTooMany(dialect: Dialect, rechecked: number, residents: number): boolean {
  return rechecked >= largeSubjectCount && rechecked > largeSubjectShare[dialect] * residents;
}

/**
 * Whether the payments changed since `sinceSeq` are a large share of all live payments (a
 * county's first year of payments, say): an incremental scan re-checks people with all their
 * payments one by one through indexes, which for most of the data costs more than reading it
 * all once.
 */
export async function paymentsChangeLarge(
  db: Kysely<Database>,
  sinceSeq: number,
): Promise<boolean> {
  const changed = await changedRowsSince(db, 'disbursements', sinceSeq);
  if (changed < largePaymentRows) return false;
  return changed >= largePaymentChange * (await estimatedLiveRows(db, 'disbursements'));
}

/** How much of a subject an incremental scan re-checks (scan_subjects.recheck). */
export const recheck = {
  /** Every live payment of the person. */
  all: 2,
  /** The person's payments of the months listed in scan_periods. */
  months: 1,
  /** None: listed for the facts that household members' payments meet. */
  none: 0,
} as const;
type Recheck = (typeof recheck)[keyof typeof recheck];

/**
 * The people an incremental scan re-checks, and how much of each (`recheck`), from the
 * batches approved or rolled back since the last scan:
 * - in full, everyone a changed record other than a payment is about, and whoever those
 *   facts can reach through the rules: for people whose links changed (registry, office,
 *   declarations), the declared relatives of officials and the beneficiaries of payments they
 *   handled; the payees not on the registry of villages the registry came to or left (R11);
 *   and the members of the households of all of these, and whoever is paid for those
 *   households;
 * - by month, the beneficiaries of changed payments and whoever is paid into the same
 *   accounts for the same months (R10), for those months only (scan_periods): a payment's
 *   hits depend on its own row, on facts, and on the same person's payments of the same month
 *   (R08) or the same account's (R10), never on other months;
 * - not at all, the other members of the registry households of everyone re-checked (and of
 *   the households their payments name when they are not on the registry): listed so that
 *   householdFacts.ts and R06 find every fact of a re-checked payment's household among the
 *   listed people's facts.
 * Each subject's registry entry is recorded with it. Set-based.
 */
export async function collectScanSubjects(
  tx: WriteTx,
  dialect: Dialect,
  scanId: number,
  sinceSeq: number,
): Promise<{ rechecked: number; listed: number }> {
  // The batches as values, not a subquery, so that PostgreSQL plans with their row counts.
  const batches = await tx
    .selectFrom('ingest_batches')
    .select('id')
    .where('approved_seq', '>', sinceSeq)
    .where('status', 'in', ['approved', 'rolled_back'])
    .execute();
  if (batches.length === 0) return { rechecked: 0, listed: 0 };
  const changed = sql`(${sql.join(batches.map((b) => b.id))})`;
  // The rows of those batches, and the rows their approval or rollback switched (the versions
  // they replaced or brought back: their people and accounts changed as much).
  const touched = (table: string, columns: string): RawBuilder<unknown> =>
    sql`select ${sql.raw(columns)} from ${byBatch(dialect, table)} where batch_id in ${changed}
      union select ${sql.raw(columns)} from ${sql.table(table)} where live_changed_by in ${changed}`;
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
  const keepLarger = sql`on conflict (scan_id, subject) do update set recheck = excluded.recheck
    where scan_subjects.recheck < excluded.recheck`;
  const registered = (r: string) =>
    sql`case when ${sql.ref(`${r}.status`)} = '正常' then 1 else 0 end`;
  // Each subject is listed with their registry entry (the live row, whatever its status): the
  // households below start from it, and the rules read it (scan_subjects' household_id, name
  // and registered; the payment copy's registry_household). A person already listed keeps the
  // larger of the two amounts of re-checking.
  const add = (select: RawBuilder<unknown>, level: Recheck) =>
    sql`insert into scan_subjects (scan_id, subject, household_id, name, registered, recheck)
      select ${sql.lit(scanId)}, x.subject, r.household_id, r.name,
        case when r.id_number is not null then ${registered('r')} end, ${sql.lit(level)}
      from (select distinct y.subject from (${select}) y where y.subject is not null) x
      left join ds_residents r on ${isLive('r')} and r.id_number = x.subject
      where true ${keepLarger}`.execute(tx);
  const linked = sql`(${union(linkColumns)})`;
  await add(union(subjectColumns.filter(([table]) => table !== 'ds_disbursements')), recheck.all);
  // People whose links changed: the relatives officials declared, and whom they handled.
  await add(
    sql`select rel.relative_id_number as subject from ds_relations rel where ${isLive('rel')} and rel.official_id_number in ${linked}`,
    recheck.all,
  );
  await add(
    sql`select d.id_number as subject from ds_disbursements d where ${isLive('d')} and d.handler_id_number in ${linked}`,
    recheck.all,
  );
  // The registry coming to a village, or leaving it, decides R11 for everyone paid there who
  // is not on it: in the villages of the changed registry rows whose live people all came
  // with the changed batches (or that have none left), those payees are re-checked in full.
  // (The villages first, as values: payments have no index by village.)
  const villages = await sql<{ village_code: string }>`select v.village_code from (
      select village_code from ${byBatch(dialect, 'ds_residents')} where batch_id in ${changed}
      union select village_code from ds_residents where live_changed_by in ${changed}) v
    where not exists (select 1 from ds_residents r where ${isLive('r')} and r.village_code = v.village_code
      and r.batch_id not in ${changed})`.execute(tx);
  for (let i = 0; i < villages.rows.length; i += 1000) {
    const part = villages.rows.slice(i, i + 1000).map((v) => v.village_code);
    await add(
      sql`select d.id_number as subject from ds_disbursements d where ${isLive('d')}
        and d.village_code in (${sql.join(part)})
        and not exists (select 1 from ds_residents r where ${isLive('r')} and r.id_number = d.id_number)`,
      recheck.all,
    );
  }
  // The months of changed payments, and everyone paid into an account for a month a changed
  // payment is for (R10: an account shared in one month; other months are untouched).
  // (Separate statements: PostgreSQL read every payment for the union of both account lists.)
  const addMonths = (select: RawBuilder<unknown>) =>
    sql`insert into scan_periods (scan_id, subject, period) select distinct ${sql.lit(scanId)}, x.id_number, x.period
      from (${select}) x where x.id_number is not null on conflict do nothing`.execute(tx);
  await addMonths(touched('ds_disbursements', 'id_number, period'));
  await addMonths(sql`select d.id_number, d.period from ds_disbursements d where ${isLive('d')} and (d.bank_account, d.period) in (
    select bank_account, period from ${byBatch(dialect, 'ds_disbursements')} where batch_id in ${changed})`);
  await addMonths(sql`select d.id_number, d.period from ds_disbursements d where ${isLive('d')} and (d.bank_account, d.period) in (
    select bank_account, period from ds_disbursements where live_changed_by in ${changed})`);
  await add(sql`select subject from scan_periods where scan_id = ${scanId}`, recheck.months);
  const addResidents = (where: RawBuilder<unknown>, level: Recheck) =>
    sql`insert into scan_subjects (scan_id, subject, household_id, name, registered, recheck)
      select ${sql.lit(scanId)}, m.id_number, m.household_id, m.name, ${registered('m')}, ${sql.lit(level)}
      from ds_residents m where ${isLive('m')} and ${where} ${keepLarger}`.execute(tx);
  // Whole households, so that every fact a re-checked payment can meet through a household
  // (R02, R05–R07) is about a subject. Re-checked in full: the members of the registry
  // households of those re-checked in full, and of the households the changed batches took
  // someone out of (the registry rows they replaced or withdrew: a car owner who moved out no
  // longer taints the old household's payments), and whoever else is paid for those
  // households (people not on the registry): their facts may have changed.
  const households = sql`(select household_id from scan_subjects where scan_id = ${scanId}
      and household_id is not null and recheck = ${sql.lit(recheck.all)}
    union select household_id from ds_residents where live_changed_by in ${changed}
    union select household_id from ${byBatch(dialect, 'ds_residents')} where batch_id in ${changed})`;
  await addResidents(sql`m.household_id in ${households}`, recheck.all);
  await add(
    sql`select d.id_number as subject from ds_disbursements d where ${isLive('d')} and d.household_id in ${households}`,
    recheck.all,
  );
  // Listed only, for their facts: the other members of the households of everyone
  // re-checked; and for those not on the registry, of the households their payments name.
  await addResidents(
    sql`m.household_id in (select household_id from scan_subjects where scan_id = ${scanId}
      and household_id is not null and recheck > 0)`,
    recheck.none,
  );
  await addResidents(
    sql`m.household_id in (select d.household_id from scan_subjects s
    join ds_disbursements d on ${isLive('d')} and d.id_number = s.subject and d.household_id is not null
    where s.scan_id = ${scanId} and s.recheck > 0 and coalesce(s.registered, 0) = 0)`,
    recheck.none,
  );
  const count = await sql<{
    rechecked: number | string | null;
    listed: number | string;
  }>`select sum(case when recheck > 0 then 1 else 0 end) as rechecked, count(*) as listed
    from scan_subjects where scan_id = ${scanId}`.execute(tx);
  const row = count.rows[0];
  return { rechecked: Number(row?.rechecked ?? 0), listed: Number(row?.listed ?? 0) };
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
 * Copies the live payments an incremental scan re-checks into a table of the scan's own, where
 * the rules read them (payments() in ruleContext.ts): every payment of the subjects re-checked
 * in full, the payments of the listed months of those re-checked by month (a few thousand
 * people's payments instead of the county's), each with its beneficiary's registry household
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
  const columns = sql.join(paymentColumns.map((c) => sql.ref(`d.${c}`)));
  const registryHousehold = sql`case when s.registered = 1 then s.household_id end as registry_household`;
  const rows = sql`select ${columns}, ${registryHousehold}
    from scan_subjects s join ds_disbursements d on ${isLive('d')} and d.id_number = s.subject
    where s.scan_id = ${sql.lit(scanId)} and s.recheck = ${sql.lit(recheck.all)}
    union all
    select ${columns}, ${registryHousehold}
    from scan_periods m
    join scan_subjects s on s.scan_id = m.scan_id and s.subject = m.subject and s.recheck = ${sql.lit(recheck.months)}
    join ds_disbursements d on ${isLive('d')} and d.id_number = m.subject and d.period = m.period
    where m.scan_id = ${sql.lit(scanId)}`;
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
  // PostgreSQL's estimates of the scan's lists come from whichever scan last left statistics:
  // with none, it takes scan_periods for empty and matches each kept evidence row against
  // every listed month.
  else await sql`analyze scan_subjects, scan_periods`.execute(tx);
  const count = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)}`.execute(tx);
  return Number(count.rows[0]?.n ?? 0);
}

/** Removes what an incremental scan kept while it ran: its subjects, months and payment copy. */
export async function dropScanSubjects(tx: WriteTx, scanId: number): Promise<void> {
  await sql`delete from scan_subjects where scan_id = ${scanId}`.execute(tx);
  await sql`delete from scan_periods where scan_id = ${scanId}`.execute(tx);
  await sql`drop table if exists ${sql.table(scanPaymentsTable(scanId))}`.execute(tx);
}
