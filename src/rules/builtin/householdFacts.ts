import { sql, type RawBuilder } from 'kysely';
import {
  keptOrderJoin,
  livePayment,
  paymentHit,
  type HitColumn,
  type RuleContext,
  payments,
  unregistered,
} from '../ruleContext.js';
import { isLive } from '../../ingest/liveRows.js';

/**
 * In an incremental scan, the facts of the listed people (subjectFacts in householdFactHits),
 * each with its owner's registry household, name and status from the subject's row
 * (owner_household, owner_name, owner_registered): found from the subjects, one lookup of the
 * facts each, before anything else is joined, and only once for the owner's own payments and
 * their household's. Left to itself the planner (which cannot know how few subjects have such
 * a fact) went from the subjects to their payments, or their households' payments, first and
 * read hundreds of thousands of rows for a hundred hits (docs/performance.md).
 */
function subjectFacts(ctx: RuleContext, fact: HouseholdFact): RawBuilder<unknown> {
  return sql`select f.*, o.household_id as owner_household, o.name as owner_name, o.registered as owner_registered
    from scan_subjects o ${keptOrderJoin(ctx)} ${fact.facts} on f.id_number = o.subject
    where o.scan_id = ${ctx.scanId} and ${fact.factFilter ?? sql`1 = 1`}`;
}

/**
 * The people a means-tested payment looks at: its beneficiary and the members of the
 * beneficiary's household, as (pay_row, person, person_name, is_self) over `pays`.
 */
export function peopleOfPayments(pays: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select p.row_id as pay_row, p.id_number as person, p.name as person_name, 1 as is_self from ${pays} p
    union all
    select p.row_id, m.id_number, m.name, 0 from ${pays} p
    join (select id_number, household_id, name from ds_residents where ${isLive()} and status = '正常') m
      on m.household_id = p.hk and m.id_number <> p.id_number)`;
}

export interface HouseholdFact {
  rule: string;
  /** FROM clause of the facts, alias f, with the owner's ID number in f.id_number. */
  facts: RawBuilder<unknown>;
  /** Conditions joining a payment p to a fact f in time (validity during p.period). */
  when: RawBuilder<unknown>;
  /**
   * Conditions on the fact f alone that `when` also states (`isLive('f')` for a dataset table):
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
  const pay = livePayment(ctx, 'p', { meansTested: fact.meansTested });
  // Incremental scans: the facts of the listed people only (they hold the households of the
  // re-checked payments, and the households that payments to people not on the registry
  // name), looked up once for all three parts.
  const self = (facts: RawBuilder<unknown>) =>
    sql`${paymentHit(fact.rule, 'p', { related_name: sql`p.name`, ...columns })}
    from ${facts}
    join ${payments(ctx)} p on p.id_number = f.id_number and ${pay}
    where ${fact.when}`;
  if (ctx.incremental) {
    const parts = [
      self(sql`subject_facts f`),
      ...(fact.selfOnly
        ? []
        : [
            sql`${paymentHit(fact.rule, 'p', { related_name: sql`f.owner_name`, ...columns })}
    from subject_facts f
    ${keptOrderJoin(ctx)} ds_residents m on ${isLive('m')} and m.status = '正常' and m.household_id = f.owner_household and m.id_number <> f.id_number
    ${keptOrderJoin(ctx)} ${payments(ctx)} p on p.id_number = m.id_number and ${pay}
    where f.owner_registered = 1 and ${fact.when}`,
            sql`${paymentHit(fact.rule, 'p', { related_name: sql`f.owner_name`, ...columns })}
    from subject_facts f
    ${keptOrderJoin(ctx)} ${payments(ctx)} p on p.household_id = f.owner_household and p.id_number <> f.id_number and ${pay}
    where f.owner_registered = 1 and ${unregistered(ctx, 'p')} and ${fact.when}`,
          ]),
    ];
    return [
      sql`select * from (with subject_facts as materialized (${subjectFacts(ctx, fact)})
    ${sql.join(parts, sql` union all `)}) hf`,
    ];
  }
  if (fact.selfOnly) return [self(fact.facts)];
  const outsiders = sql`${paymentHit(fact.rule, 'p', { related_name: sql`o.name`, ...columns })}
    from ${fact.facts}
    join ds_residents o on ${isLive('o')} and o.status = '正常' and o.id_number = f.id_number
    join ${payments(ctx)} p on p.household_id = o.household_id and p.id_number <> o.id_number
      and ${pay}
    where ${fact.when} and ${unregistered(ctx, 'p')}`;
  return [
    self(fact.facts),
    sql`${paymentHit(fact.rule, 'p', { related_name: sql`o.name`, ...columns })}
    from ${fact.facts}
    join ds_residents o on ${isLive('o')} and o.status = '正常' and o.id_number = f.id_number
    join ds_residents m on ${isLive('m')} and m.status = '正常' and m.household_id = o.household_id and m.id_number <> o.id_number
    join ${payments(ctx)} p on p.id_number = m.id_number and ${pay}
    where ${fact.when}`,
    outsiders,
  ];
}
