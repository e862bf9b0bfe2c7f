import { firstDayOfMonth, lastDayOfMonth } from '../core/dates.js';
import type { DatasetRows, DemoCounty } from './demoCounty.js';

/**
 * What the rules' reference checks (src/rules/builtin/<rule>/referenceCheck.ts) share: a
 * generated county held in memory, indexed the plain way. Together they are a slow reading of
 * rules.md, the check that the generator's `expected` list is exactly what a correct engine
 * raises; they know nothing of how the county was made and read only the twelve templates and
 * the complaints.
 */

type Row = DatasetRows;

/** A payment with what most payment rules look at. */
export interface ReferencePayment {
  row: Row;
  /** The beneficiary's ID number. */
  id: string;
  code: string;
  program: Row;
  period: string;
  /** The first and last days of the period. */
  first: string;
  last: string;
  /** The beneficiary and the members of the household (the registry's, else the payment's). */
  household: Set<string>;
  meansTested: boolean;
}

export interface ReferenceCounty {
  rows: DemoCounty['rows'];
  complaints: DemoCounty['complaints'];
  /** The day the data assumes (open cases count to it). */
  today: string;
  /** Residents by ID number. */
  residents: Map<string, Row>;
  /** The ID numbers of the residents of normal status, by household. */
  members: Map<string, string[]>;
  /** Relatives' ID numbers, by the ID number of the official who declared them. */
  declared: Map<string, Set<string>>;
  /** The earliest death recorded, by ID number. */
  earliestDeath: Map<string, string>;
  payments: ReferencePayment[];
}

/** Reports a warning of the rule being checked: its subject and, for a payment, the programme. */
export type ReferenceHit = (subject: string, program: string | null) => void;

/** A rule read plainly over the county: calls `hit` for every warning the rule raises. */
export type ReferenceCheck = (county: ReferenceCounty, hit: ReferenceHit) => void;

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function inOffice(official: Row, period: string): boolean {
  return (
    official.start_date! <= lastDayOfMonth(period) &&
    (official.end_date === '' || official.end_date! >= firstDayOfMonth(period))
  );
}

export function referenceCounty(county: DemoCounty): ReferenceCounty {
  const rows = county.rows;
  const residents = new Map<string, Row>();
  for (const r of rows.residents!) residents.set(r.id_number!, r);
  const members = new Map<string, string[]>();
  for (const r of rows.residents!) {
    if (r.status !== '正常') continue;
    const list = members.get(r.household_id!);
    if (list) list.push(r.id_number!);
    else members.set(r.household_id!, [r.id_number!]);
  }
  const householdOf = (id: string, paymentHousehold: string): string[] => {
    const resident = residents.get(id);
    const household = resident ? resident.household_id! : paymentHousehold;
    return household === '' ? [] : (members.get(household) ?? []);
  };

  const declared = new Map<string, Set<string>>();
  for (const r of rows.relations!) {
    if (!declared.has(r.official_id_number!)) declared.set(r.official_id_number!, new Set());
    declared.get(r.official_id_number!)!.add(r.relative_id_number!);
  }
  const earliestDeath = new Map<string, string>();
  for (const r of rows.deaths!) {
    const known = earliestDeath.get(r.id_number!);
    if (!known || r.death_date! < known) earliestDeath.set(r.id_number!, r.death_date!);
  }

  const programs = new Map(rows.programs!.map((p) => [p.program_code!, p]));
  const payments = rows.disbursements!.map((p): ReferencePayment => {
    const id = p.id_number!;
    const program = programs.get(p.program_code!)!;
    return {
      row: p,
      id,
      code: p.program_code!,
      program,
      period: p.period!,
      first: firstDayOfMonth(p.period!),
      last: lastDayOfMonth(p.period!),
      household: new Set([id, ...householdOf(id, p.household_id!)]),
      meansTested: program.means_tested === '是',
    };
  });
  return {
    rows,
    complaints: county.complaints,
    today: county.today,
    residents,
    members,
    declared,
    earliestDeath,
    payments,
  };
}
