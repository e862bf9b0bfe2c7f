import type { Dialect } from '../db/openDatabase.js';
import { sql, type RawBuilder } from 'kysely';
import { isLive } from '../ingest/liveRows.js';

/** What a rule's query may depend on, beyond the live data. */
export interface RuleContext {
  /** The database the statements are for: some planner hints are for one of them only. */
  dialect: Dialect;
  scanId: number;
  /** Division prefix of the scanned jurisdiction: records of villages under it are checked. */
  prefix: string;
  /** Incremental scans check only what scan_subjects and scan_periods list for this scan. */
  incremental: boolean;
  /** The rule's parameters (defaults merged with the jurisdiction's settings). */
  params: Readonly<Record<string, unknown>>;
  /** ISO date of today, for cases still open. */
  today: string;
}

/**
 * `and <column> in (subjects this scan re-checks)` for incremental scans, nothing for full
 * ones: for rules about records other than payments (a payment copy holds only what is
 * re-checked).
 */
export function subjectFilter(ctx: RuleContext, column: string): RawBuilder<unknown> {
  return ctx.incremental
    ? sql`and ${sql.ref(column)} in (select subject from scan_subjects where scan_id = ${ctx.scanId} and recheck > 0)`
    : sql``;
}

/**
 * `and <column> in (people listed by this scan)` for incremental scans, nothing for full ones:
 * for the owners of household facts (vehicles, homes, businesses…), since the listed people
 * include every member of the households of the re-checked payments (collectScanSubjects).
 */
export function factOwnerFilter(ctx: RuleContext, column: string): RawBuilder<unknown> {
  return ctx.incremental
    ? sql`and ${sql.ref(column)} in (select subject from scan_subjects where scan_id = ${ctx.scanId})`
    : sql``;
}

/**
 * Ends a subquery that the planner must run as written: in FROM, before the joins around it;
 * in EXISTS, as a lookup per row (neither database merges a subquery that has LIMIT or
 * OFFSET into the outer query).
 */
export function planFence(ctx: RuleContext): RawBuilder<unknown> {
  return ctx.dialect === 'postgres' ? sql`offset 0` : sql`limit -1 offset 0`;
}

/**
 * The join of an incremental scan's statement that must keep the order it is written in: from
 * the scan's own small lists and payment copy to the live tables, through their indexes.
 * SQLite's planner cannot tell how small a materialized list or an empty copy is and may read
 * a live table whole instead, once per scan (the registry, at a county's first load); SQLite
 * keeps the order of a CROSS JOIN. PostgreSQL estimates them and is left to choose.
 */
export function keptOrderJoin(ctx: RuleContext): RawBuilder<unknown> {
  return ctx.incremental && ctx.dialect === 'sqlite' ? sql`cross join` : sql`join`;
}

export function inJurisdiction(ctx: RuleContext, column: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} like ${`${ctx.prefix}%`}`;
}

/** The columns of scan_hits, in order: each rule's query selects exactly these. */
export const hitColumns = [
  'rule_code',
  'subject',
  'subject_kind',
  'subject_name',
  'village_code',
  'jurisdiction_code',
  'program_code',
  'period',
  'amount_fen',
  'dataset',
  'row_id',
  'record_ref',
  'fact_kind',
  'fact_ref',
  'fact_date',
  'fact_text',
  'related_id',
  'related_name',
  'fuzzy',
] as const;
export type HitColumn = (typeof hitColumns)[number];
const numericHitColumns = new Set<HitColumn>(['amount_fen', 'row_id', 'fuzzy']);

/** `select <expr> as <column>, …` over the hit columns; columns left out are null. */
export function selectHit(
  values: Partial<Record<HitColumn, RawBuilder<unknown> | string | number>>,
): RawBuilder<unknown> {
  return sql`select ${sql.join(
    hitColumns.map((column) => {
      const value = values[column];
      // Nulls and literals carry their type: PostgreSQL types a UNION by its first SELECT.
      const type = numericHitColumns.has(column) ? sql`bigint` : sql`text`;
      const expression =
        value === undefined
          ? sql`cast(null as ${type})`
          : typeof value === 'string' || typeof value === 'number'
            ? sql`cast(${sql.lit(value)} as ${type})`
            : value;
      return sql`${expression} as ${sql.ref(column)}`;
    }),
  )}`;
}

/** The last day of a period month, as text that compares correctly with ISO dates. */
export function periodEnd(column: string): RawBuilder<unknown> {
  return sql`(${sql.ref(column)} || '-31')`;
}

export function periodStart(column: string): RawBuilder<unknown> {
  return sql`(${sql.ref(column)} || '-01')`;
}

/** A division code without its trailing zero levels (coverage, docs/reference/rules.md). */
export function divisionPrefixSql(column: string): RawBuilder<unknown> {
  const c = sql.ref(column);
  return sql`(case when substr(${c}, 3) = '0000000000' then substr(${c}, 1, 2)
    when substr(${c}, 5) = '00000000' then substr(${c}, 1, 4)
    when substr(${c}, 7) = '000000' then substr(${c}, 1, 6)
    when substr(${c}, 10) = '000' then substr(${c}, 1, 9)
    else ${c} end)`;
}

/** The payment columns every payment rule reports. */
export function paymentHit(
  rule: string,
  p: string,
  fact: Partial<Record<HitColumn, RawBuilder<unknown> | string | number>>,
): RawBuilder<unknown> {
  const col = (name: string): RawBuilder<unknown> => sql.ref(`${p}.${name}`);
  return selectHit({
    rule_code: rule,
    subject: col('id_number'),
    subject_kind: 'person',
    subject_name: col('name'),
    village_code: col('village_code'),
    jurisdiction_code: col('village_code'),
    program_code: col('program_code'),
    period: col('period'),
    amount_fen: col('amount_fen'),
    dataset: 'disbursements',
    row_id: col('row_id'),
    record_ref: col('record_id'),
    fuzzy: 0,
    ...fact,
  });
}

/**
 * The payments a scan reads: all payments, or in an incremental scan the copy of the
 * re-checked people's live payments that runScan makes (scanPaymentsTable). Read them as
 * `join ${payments(ctx)} p on … and ${livePayment(ctx, 'p')}`, or with paymentRows.
 */
export function payments(ctx: RuleContext): RawBuilder<unknown> {
  return ctx.incremental ? sql.table(scanPaymentsTable(ctx.scanId)) : sql`ds_disbursements`;
}

/**
 * The condition for the live rows of `payments(ctx)`. The copy holds live rows only and has
 * no `live` column: testing it there leads SQLite's planner (3.53) to scan the copy once per
 * row of the other side instead of using its indexes.
 */
export function paymentRows(
  ctx: RuleContext,
  p: string,
  options: { sequential?: boolean } = {},
): RawBuilder<unknown> {
  if (ctx.incremental) return sql`1 = 1`;
  // `live + 0 = 1` reads the table in its own order: a rule that reads most payments would
  // otherwise walk a partial index on live rows and fetch each row at random, more slowly.
  return options.sequential
    ? sql`${sql.ref(`${p}.live`)} + 0 = 1`
    : sql`${sql.ref(`${p}.live`)} = 1`;
}

/** The name of an incremental scan's payment copy. */
export function scanPaymentsTable(scanId: number): string {
  return `scan_payments_${scanId}`;
}

/** Live payments within the scanned jurisdiction, optionally of means-tested programmes only. */
export function livePayment(
  ctx: RuleContext,
  p: string,
  options: { meansTested?: boolean; sequential?: boolean } = {},
): RawBuilder<unknown> {
  const column = (name: string): RawBuilder<unknown> => sql.ref(`${p}.${name}`);
  return sql`${paymentRows(ctx, p, options)} and ${inJurisdiction(ctx, `${p}.village_code`)}
    ${
      options.meansTested
        ? sql`and exists (select 1 from ds_programs mt where ${isLive('mt')} and mt.program_code = ${column('program_code')} and mt.means_tested = 1)`
        : sql``
    }`;
}

/**
 * The household of a payment's beneficiary (`p`, a row of payments(ctx)): the registry's, else
 * the one on the payment. An incremental scan's copy carries the registry's.
 */
export function householdOf(ctx: RuleContext, p: string): RawBuilder<unknown> {
  if (ctx.incremental)
    return sql`coalesce(${sql.ref(`${p}.registry_household`)}, ${sql.ref(`${p}.household_id`)})`;
  return sql`coalesce((select hh.household_id from ds_residents hh where ${isLive('hh')} and hh.status = '正常'
    and hh.id_number = ${sql.ref(`${p}.id_number`)}), ${sql.ref(`${p}.household_id`)})`;
}

/**
 * The beneficiary of a payment (`p`, a row of payments(ctx)) is not in the registry (no live
 * resident of normal status). An incremental scan's copy knows it already.
 */
export function unregistered(ctx: RuleContext, p: string): RawBuilder<unknown> {
  if (ctx.incremental) return sql`${sql.ref(`${p}.registry_household`)} is null`;
  return sql`not exists (select 1 from ds_residents r where ${isLive('r')} and r.status = '正常'
    and r.id_number = ${sql.ref(`${p}.id_number`)})`;
}
