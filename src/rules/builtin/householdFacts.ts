import { sql, type RawBuilder } from 'kysely';
import {
  livePayment,
  paymentHit,
  type HitColumn,
  type RuleContext,
  payments,
  planFence,
  unregistered,
} from '../ruleContext.js';

/**
 * In an incremental scan, `and <column> in (re-checked subjects not on the registry)`: few, so that the
 * payments of people outside the registry are found from them rather than from the facts.
 */
function unregisteredSubjects(ctx: RuleContext, column: string): RawBuilder<unknown> {
  if (!ctx.incremental) return sql``;
  return sql`and ${sql.ref(column)} in (select s.subject from scan_subjects s
    where s.scan_id = ${ctx.scanId} and s.recheck > 0 and coalesce(s.registered, 0) = 0)`;
}

/**
 * In an incremental scan, the facts (alias f) of the subjects (all, or those in the registry
 * with normal status), each with its owner's registry household and name (f.owner_household,
 * f.owner_name) from the subject's row: found from the subjects, one lookup of the facts each,
 * before anything else is joined. Left to itself the planner (which cannot know how few
 * subjects have such a fact) went from the subjects to their payments, or their households'
 * payments, first: 334,000 rows for 120 hits.
 */
function subjectFacts(
  ctx: RuleContext,
  fact: HouseholdFact,
  owners: 'all' | 'registered',
): RawBuilder<unknown> {
  return sql`(select f.*, o.household_id as owner_household, o.name as owner_name
    from ${fact.facts} join scan_subjects o on o.scan_id = ${ctx.scanId} and o.subject = f.id_number
      ${owners === 'registered' ? sql`and o.registered = 1` : sql``}
    where ${fact.factFilter ?? sql`1 = 1`}
    ${planFence(ctx)}) f`;
}

/**
 * The people a means-tested payment looks at: its beneficiary and the members of the
 * beneficiary's household, as (pay_row, person, person_name, is_self) over `pays`.
 */
export function peopleOfPayments(pays: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select p.row_id as pay_row, p.id_number as person, p.name as person_name, 1 as is_self from ${pays} p
    union all
    select p.row_id, m.id_number, m.name, 0 from ${pays} p
    join (select id_number, household_id, name from ds_residents where live = 1 and status = '正常') m
      on m.household_id = p.hk and m.id_number <> p.id_number)`;
}

export interface HouseholdFact {
  rule: string;
  /** FROM clause of the facts, alias f, with the owner's ID number in f.id_number. */
  facts: RawBuilder<unknown>;
  /** Conditions joining a payment p to a fact f in time (validity during p.period). */
  when: RawBuilder<unknown>;
  /**
   * Conditions on the fact f alone that `when` also states (`f.live = 1` for a dataset table):
   * an incremental scan looks the subjects' facts up with them, through the table's partial
   * indexes on live rows.
   */
  factFilter?: RawBuilder<unknown>;
  meansTested: boolean;
  /** The fact's hit columns (fact_kind, fact_ref…), over f; related_id/name are the owner. */
  columns: Partial<Record<HitColumn, RawBuilder<unknown> | string | number>>;
  /** Only the beneficiary's own facts count (custom rules may say so). */
  selfOnly?: boolean;
}

/**
 * Hits where a fact about a person (a vehicle, a salary, a business…) makes payments to that
 * person or to anyone of their household suspect. Driven from the facts, which are few, to
 * the payments through the beneficiary index, in three parts: the owner's own payments; the
 * payments of the owner's household members in the registry; and payments to people not in
 * the registry whose payment names the owner's household.
 */
export function householdFactHits(ctx: RuleContext, fact: HouseholdFact): RawBuilder<unknown>[] {
  const columns = { related_id: sql`f.id_number`, ...fact.columns };
  // Incremental scans: the facts of the subjects only (they hold the payees' households); in
  // the third part, driven instead from the few subjects not on the registry.
  const self = sql`${paymentHit(fact.rule, 'p', { related_name: sql`p.name`, ...columns })}
    from ${ctx.incremental ? subjectFacts(ctx, fact, 'all') : fact.facts}
    join ${payments(ctx)} p on p.id_number = f.id_number and ${livePayment(ctx, 'p', { meansTested: fact.meansTested })}
    where ${fact.when}`;
  if (fact.selfOnly) return [self];
  return [
    self,
    ctx.incremental
      ? sql`${paymentHit(fact.rule, 'p', { related_name: sql`f.owner_name`, ...columns })}
    from ${subjectFacts(ctx, fact, 'registered')}
    join ds_residents m on m.live = 1 and m.status = '正常' and m.household_id = f.owner_household and m.id_number <> f.id_number
    join ${payments(ctx)} p on p.id_number = m.id_number and ${livePayment(ctx, 'p', { meansTested: fact.meansTested })}
    where ${fact.when}`
      : sql`${paymentHit(fact.rule, 'p', { related_name: sql`o.name`, ...columns })}
    from ${fact.facts}
    join ds_residents o on o.live = 1 and o.status = '正常' and o.id_number = f.id_number
    join ds_residents m on m.live = 1 and m.status = '正常' and m.household_id = o.household_id and m.id_number <> o.id_number
    join ${payments(ctx)} p on p.id_number = m.id_number and ${livePayment(ctx, 'p', { meansTested: fact.meansTested })}
    where ${fact.when}`,
    sql`${paymentHit(fact.rule, 'p', { related_name: sql`o.name`, ...columns })}
    from ${fact.facts}
    join ds_residents o on o.live = 1 and o.status = '正常' and o.id_number = f.id_number
    join ${payments(ctx)} p on p.household_id = o.household_id and p.id_number <> o.id_number
      and ${livePayment(ctx, 'p', { meansTested: fact.meansTested })}
    where ${fact.when} ${unregisteredSubjects(ctx, 'p.id_number')} and ${unregistered(ctx, 'p')}`,
  ];
}
