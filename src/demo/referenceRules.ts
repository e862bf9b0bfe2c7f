import { divisionPrefix } from '../core/divisionCode.js';
import { firstDayOfMonth, lastDayOfMonth } from '../core/dates.js';
import { workingDaysBetween } from '../calendar/workingDays.js';
import { ageOnDate } from '../core/idNumber.js';
import { parseAmount } from '../core/money.js';
import { dayNumber } from './calendar.js';
import { type DemoComplaint, type DemoCounty, type ExpectedHit, hitKey } from './demoCounty.js';
import { comparableName } from './names.js';

/**
 * A plain, slow reading of rules.md over a generated county held in memory: the check that
 * the generator's `expected` list is exactly what a correct engine raises. It knows nothing
 * of how the county was made; it only reads the twelve templates and the complaints.
 */

type Row = Record<string, string>;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const exemptVehicles = new Set(['三轮汽车', '低速货车', '拖拉机', '摩托车']);

function covers(jurisdiction: string, village: string): boolean {
  return village.startsWith(divisionPrefix(jurisdiction));
}

function statePaid(official: Row): boolean {
  if (official.state_paid === '是') return true;
  if (official.state_paid === '否') return false;
  return official.category === '公务员' || official.category === '事业人员';
}

function inOffice(official: Row, period: string): boolean {
  return (
    official.start_date! <= lastDayOfMonth(period) &&
    (official.end_date === '' || official.end_date! >= firstDayOfMonth(period))
  );
}

export function referenceWarnings(county: DemoCounty): Map<string, Omit<ExpectedHit, 'note'>> {
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
  const villagesWithResidents = new Set(rows.residents!.map((r) => r.village_code!));
  const householdOf = (id: string, paymentHousehold: string): string[] => {
    const resident = residents.get(id);
    const household = resident ? resident.household_id! : paymentHousehold;
    return household === '' ? [] : (members.get(household) ?? []);
  };

  const officials = groupBy(rows.officials!, (r) => r.id_number!);
  const declared = new Map<string, Set<string>>();
  const declaredBy = new Map<string, Set<string>>();
  for (const r of rows.relations!) {
    if (!declared.has(r.official_id_number!)) declared.set(r.official_id_number!, new Set());
    declared.get(r.official_id_number!)!.add(r.relative_id_number!);
    if (!declaredBy.has(r.relative_id_number!)) declaredBy.set(r.relative_id_number!, new Set());
    declaredBy.get(r.relative_id_number!)!.add(r.official_id_number!);
  }
  /** For each person, the official records of which the person is the official or a relative. */
  const linkedOfficials = new Map<string, Row[]>();
  const link = (person: string, official: Row): void => {
    const list = linkedOfficials.get(person);
    if (list) list.push(official);
    else linkedOfficials.set(person, [official]);
  };
  for (const official of rows.officials!) {
    const id = official.id_number!;
    const relatives = new Set<string>([id, ...(declared.get(id) ?? [])]);
    const resident = residents.get(id);
    if (resident) for (const m of members.get(resident.household_id!) ?? []) relatives.add(m);
    for (const person of relatives) link(person, official);
  }

  const payrollPeriods = new Map<string, Set<string>>();
  for (const r of rows.payroll!) {
    if (!payrollPeriods.has(r.id_number!)) payrollPeriods.set(r.id_number!, new Set());
    payrollPeriods.get(r.id_number!)!.add(r.period!);
  }
  const earliestDeath = new Map<string, string>();
  for (const r of rows.deaths!) {
    const known = earliestDeath.get(r.id_number!);
    if (!known || r.death_date! < known) earliestDeath.set(r.id_number!, r.death_date!);
  }
  const vehicles = groupBy(rows.vehicles!, (r) => r.id_number!);
  const properties = groupBy(rows.properties!, (r) => r.id_number!);
  const businesses = new Map<string, Row[]>();
  for (const b of rows.businesses!) {
    const owners = new Set([b.legal_rep_id_number!, ...b.shareholder_id_numbers!.split(';')]);
    for (const owner of owners) {
      if (owner === '') continue;
      const list = businesses.get(owner);
      if (list) list.push(b);
      else businesses.set(owner, [b]);
    }
  }
  const certificates = groupBy(rows.disabilities!, (r) => r.id_number!);
  const programs = new Map(rows.programs!.map((p) => [p.program_code!, p]));
  const fen = (value: string): number => {
    const parsed = parseAmount(value);
    if (!parsed.ok) throw new Error(`bad amount ${value}`);
    return parsed.fen;
  };

  const payments = rows.disbursements!;
  const byPersonProgramPeriod = groupBy(
    payments,
    (p) => `${p.id_number}|${p.program_code}|${p.period}`,
  );
  // Shared accounts: 3+ beneficiaries from 2+ households in one period.
  const sharedAccounts = new Set<string>();
  for (const [key, group] of groupBy(payments, (p) => `${p.bank_account}|${p.period}`)) {
    const beneficiaries = new Set(group.map((p) => p.id_number!));
    const households = new Set(
      group.map(
        (p) =>
          residents.get(p.id_number!)?.household_id ?? (p.household_id || `solo:${p.id_number}`),
      ),
    );
    if (beneficiaries.size >= 3 && households.size >= 2) sharedAccounts.add(key);
  }

  const hits = new Map<string, Omit<ExpectedHit, 'note'>>();
  const hit = (rule: string, subject: string, program: string | null): void => {
    const h = { rule, subject, program_code: program };
    hits.set(hitKey(h), h);
  };

  for (const p of payments) {
    const id = p.id_number!;
    const code = p.program_code!;
    const program = programs.get(code)!;
    const period = p.period!;
    const first = firstDayOfMonth(period);
    const last = lastDayOfMonth(period);
    const household = new Set([id, ...householdOf(id, p.household_id!)]);
    const means = program.means_tested === '是';

    const death = earliestDeath.get(id);
    if (death && period > death.slice(0, 7)) hit('R01', id, code);

    if (means) {
      for (const m of household) {
        const onPayroll = payrollPeriods.get(m)?.has(period) ?? false;
        const paidOfficial = (officials.get(m) ?? []).some(
          (o) => statePaid(o) && inOffice(o, period),
        );
        if (onPayroll || paidOfficial) hit('R02', id, code);
      }
      if (
        (linkedOfficials.get(id) ?? []).some(
          (o) => inOffice(o, period) && covers(o.jurisdiction_code!, p.village_code!),
        )
      )
        hit('R03', id, code);
      for (const m of household) {
        const car = (vehicles.get(m) ?? []).some(
          (v) =>
            !exemptVehicles.has(v.vehicle_type!) &&
            v.registered_date! <= last &&
            (v.cancelled_date === '' || v.cancelled_date! >= first),
        );
        if (car) hit('R05', id, code);
        const business = (businesses.get(m) ?? []).some(
          (b) => b.established_date! <= last && (b.closed_date === '' || b.closed_date! >= first),
        );
        if (business) hit('R07', id, code);
      }
      const homes = new Set<string>();
      let other = false;
      for (const m of household)
        for (const property of properties.get(m) ?? []) {
          if (property.registered_date! > last) continue;
          if (property.usage === '住宅') homes.add(property.certificate_no!);
          if (['商业', '办公', '工业'].includes(property.usage!)) other = true;
        }
      if (other || homes.size >= 2) hit('R06', id, code);
    }

    const handler = p.handler_id_number!;
    if (handler !== '') {
      const related =
        handler === id ||
        household.has(handler) ||
        (declared.get(handler)?.has(id) ?? false) ||
        (declared.get(id)?.has(handler) ?? false) ||
        handler === p.account_holder_id_number;
      if (related) hit('R04', id, code);
    }

    const same = byPersonProgramPeriod.get(`${id}|${code}|${period}`)!;
    const exclusive = program.exclusive_with!.split(/[;、]/).filter((c) => c !== '');
    if (same.length > 1 || exclusive.some((c) => byPersonProgramPeriod.has(`${id}|${c}|${period}`)))
      hit('R08', id, code);

    if (program.standard_monthly !== '') {
      const size = p.household_size === '' ? 1 : Number(p.household_size);
      if (fen(p.amount!) > fen(program.standard_monthly!) * size) hit('R09', id, code);
    }

    const holderId = p.account_holder_id_number!;
    let stranger: boolean;
    if (holderId !== '') stranger = holderId !== id && !household.has(holderId);
    else {
      const names = new Set([
        comparableName(p.name!),
        ...[...household].map((m) => comparableName(residents.get(m)?.name ?? '')),
      ]);
      stranger = !names.has(comparableName(p.account_holder!));
    }
    if (stranger || sharedAccounts.has(`${p.bank_account}|${period}`)) hit('R10', id, code);

    const resident = residents.get(id);
    if (
      resident
        ? comparableName(resident.name!) !== comparableName(p.name!)
        : villagesWithResidents.has(p.village_code!)
    )
      hit('R11', id, code);

    if (program.min_age !== '' && ageOnDate(id, last) < Number(program.min_age))
      hit('R12', id, code);

    if (program.requires_disability === '是') {
      const valid = (certificates.get(id) ?? []).some(
        (c) => c.issued_date! <= last && (c.valid_until === '' || c.valid_until! >= first),
      );
      if (!valid) hit('R16', id, code);
    }
  }

  for (const r of rows.payroll!) {
    const death = earliestDeath.get(r.id_number!);
    if (death && r.period! > death.slice(0, 7)) hit('R13', r.id_number!, null);
  }

  for (const a of rows.approvals!) {
    const end = a.decided_date === '' ? county.today : a.decided_date!;
    if (a.time_limit_days === '') continue;
    if (workingDaysBetween(a.received_date!, end) > Number(a.time_limit_days))
      hit('R14', a.handler_id_number === '' ? a.organisation! : a.handler_id_number!, null);
  }

  const clusters = (
    key: (c: DemoComplaint) => string,
    subject: (c: DemoComplaint) => string,
  ): void => {
    for (const [k, list] of groupBy(county.complaints, key)) {
      if (k === '') continue;
      const days = list.map((c) => dayNumber(c.received_date)).sort((a, b) => a - b);
      for (let i = 0; i + 2 < days.length; i += 1)
        if (days[i + 2]! - days[i]! <= 90) {
          hit('R15', subject(list[0]!), null);
          break;
        }
    }
  };
  clusters(
    (c) => c.official_id_number,
    (c) => c.official_id_number,
  );
  clusters(
    (c) => `${c.village_code}|${c.topic}`,
    (c) => c.village_code,
  );
  return hits;
}
