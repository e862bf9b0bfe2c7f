import type { DatasetKey } from '../ingest/datasetDefinition.js';
import { addDays, lastDay, period, shiftYears } from './calendar.js';
import type { CountyPlan, OfficialRole, Special } from './countyPlan.js';
import type { DatasetRows, ExpectedHit } from './demoCounty.js';
import { randomSurname } from './names.js';
import { type ProgramCode, oldAgeAllowanceFen, programmes } from './programmes.js';
import {
  approvalRow,
  businessRow,
  deathRow,
  disabilityRow,
  paymentRow,
  payrollRow,
  propertyRow,
  vehicleRow,
} from './rowBuilders.js';
import {
  type Household,
  type MemberSpec,
  type Official,
  type Person,
  type RelationToHead,
  type Sex,
  type Village,
  ageOn,
} from './world.js';

/**
 * The tools the injected cases are written with: fresh households whose every fact is
 * stated, never drawn, so that each case hits exactly the rules it is meant to hit.
 */

export interface PayOptions {
  /** Amount per month in fen (default: an ordinary amount within the standard). */
  amount?: number | ((month: number) => number);
  size?: number | '';
  /** The account's holder (default: the beneficiary). */
  holder?: Person;
  /** Overrides of the holder columns (a name without ID number). */
  holderName?: string;
  holderId?: string;
  handler?: Person;
  /** The name written on the payment (R11). */
  name?: string;
  /** Payment household when it differs from the beneficiary's (people not in the registry). */
  household?: Household;
}

export class CaseKit {
  readonly expected: ExpectedHit[] = [];
  readonly nearMisses: ExpectedHit[] = [];
  private cursor = 0;

  constructor(readonly plan: CountyPlan) {}

  get year(): number {
    return this.plan.year;
  }

  /** The next village, taking them in turn. */
  village(): Village {
    const villages = this.plan.villages;
    const v = villages[this.cursor % villages.length]!;
    this.cursor += 1;
    return v;
  }

  /** Another village, of the same township when there is one. */
  otherVillage(v: Village): Village | null {
    const same = v.township.villages.filter((x) => x !== v);
    if (same.length > 0) return same[this.cursor % same.length]!;
    return this.plan.villages.find((x) => x !== v) ?? null;
  }

  /** A village of another township. */
  otherTownshipVillage(v: Village): Village | null {
    const others = this.plan.townships.filter((t) => t !== v.township);
    if (others.length === 0) return null;
    const township = others[this.cursor % others.length]!;
    return township.villages[0]!;
  }

  spec(
    relation: RelationToHead,
    sex: Sex,
    age: number,
    surname = randomSurname(this.plan.random),
  ): MemberSpec {
    return this.plan.specs.member(relation, sex, age, surname);
  }

  /** A member born on an exact date. */
  bornOn(
    relation: RelationToHead,
    sex: Sex,
    birth: string,
    surname = randomSurname(this.plan.random),
  ): MemberSpec {
    return { relation, sex, birth, surname };
  }

  household(village: Village, specs: MemberSpec[]): Special {
    return this.plan.addSpecial(this.plan.people.household(village, specs), 'case');
  }

  single(village: Village, age: number, sex: Sex = '男'): Special {
    return this.household(village, [this.spec('户主', sex, age)]);
  }

  couple(village: Village, age: number): Special {
    return this.household(village, this.plan.specs.couple(age));
  }

  /** Head, spouse and `children` children. */
  family(village: Village, age: number, children: number): Special {
    const [husband, wife] = this.plan.specs.couple(age);
    const kids: MemberSpec[] = [];
    for (let i = 0; i < children; i += 1) {
      const sex: Sex = i % 2 === 0 ? '男' : '女';
      kids.push(
        this.spec(sex === '男' ? '子' : '女', sex, Math.max(1, age - 24 - 3 * i), husband.surname),
      );
    }
    return this.household(village, [husband, wife, ...kids]);
  }

  /** A household with nothing to hold but rows about people not in the registry. */
  carrier(village: Village): Special {
    return this.household(village, []);
  }

  /** A person who is in no household of the registry. */
  unregistered(sex: Sex, age: number): Person {
    const spec = this.spec('户主', sex, age);
    const name = spec.surname + (sex === '男' ? '德福' : '桂英');
    return this.plan.people.person(spec, name);
  }

  member(special: Special, index: number): Person {
    return special.household.members[index]!;
  }

  add(special: Special, dataset: DatasetKey, row: DatasetRows): void {
    // A copy made here, not where the background's rows are made: rows kept for long would
    // teach V8 to allocate every row of that shape in the old generation (pretenuring), and the
    // million background rows would then pile up there between full collections.
    special.rows.push([dataset, { ...row }]);
  }

  defaultAmount(code: ProgramCode, who: Person, size: number, month: number): number {
    switch (code) {
      case 'DB':
        return 45_000 * size;
      case 'TK':
        return 70_000;
      case 'GL':
        return oldAgeAllowanceFen(ageOn(who.birth, lastDay(period(this.year, month))));
      case 'CJ':
        return 10_000;
      case 'YL':
        return 15_300;
      case 'GD':
        return 52_800;
      case 'WF':
        return 2_500_000;
      case 'LS':
        return 150_000;
    }
  }

  /** Payments of one programme to one beneficiary for the given months of the year. */
  pay(
    special: Special,
    who: Person,
    code: ProgramCode,
    months: number[],
    options: PayOptions = {},
  ): void {
    const household = options.household ?? special.household;
    const size =
      options.size ??
      (code === 'DB' || code === 'LS' || code === 'WF'
        ? household.members.length
        : code === 'GD'
          ? ''
          : 1);
    const handler =
      options.handler ?? this.plan.handler(household.village, programmes[code].handler).person;
    const holder = options.holder ?? who;
    for (const month of months) {
      const amount =
        typeof options.amount === 'function'
          ? options.amount(month)
          : (options.amount ??
            this.defaultAmount(code, who, typeof size === 'number' ? size : 1, month));
      this.add(
        special,
        'disbursements',
        paymentRow({
          programme: code,
          beneficiary: who,
          name: options.name,
          village: household.village,
          householdId: household.id,
          size,
          period: period(this.year, month),
          amountFen: amount,
          account: holder.account,
          holderName: options.holderName ?? holder.name,
          holderId: options.holderId ?? holder.id,
          handlerId: handler.id,
        }),
      );
    }
  }

  vehicle(special: Special, owner: Person, type: string, registered: string, cancelled = ''): void {
    this.add(
      special,
      'vehicles',
      vehicleRow(owner, this.plan.nextPlate(), type, registered, cancelled),
    );
  }

  property(special: Special, owner: Person, usage: string, registered: string, area = 120): void {
    this.add(
      special,
      'properties',
      propertyRow(
        owner,
        this.plan.nextPropertyCertificate(registered),
        special.household.address,
        usage,
        area,
        registered,
      ),
    );
  }

  business(
    special: Special,
    legalRep: Person,
    shareholders: Person[],
    established: string,
    status: '存续' | '在业' | '注销' | '吊销',
    closed = '',
  ): void {
    const company = shareholders.length > 0;
    this.add(
      special,
      'businesses',
      businessRow({
        creditCode: this.plan.nextCreditCode(company),
        name: company
          ? `${this.plan.countyName}${legalRep.name.slice(1)}商贸有限公司`
          : `${this.plan.shortCountyName}${special.household.village.township.name}${legalRep.name.slice(0, 1)}记农资店`,
        legalRep,
        shareholders,
        capital: company ? '50' : '',
        established,
        status,
        closed,
      }),
    );
  }

  /** A disability certificate; `validUntil` defaults to ten years. */
  certificate(special: Special, who: Person, issued: string, validUntil?: string): void {
    this.add(
      special,
      'disabilities',
      disabilityRow(who, '肢体', '二级', issued, validUntil ?? addDays(shiftYears(issued, 10), -1)),
    );
  }

  death(
    special: Special,
    who: Person,
    date: string,
    source: '火化' | '死亡医学证明' | '户籍注销',
  ): void {
    this.add(special, 'deaths', deathRow(who, date, source));
  }

  payroll(special: Special, who: Person, employer: string, months: number[], fen = 560_000): void {
    for (const month of months)
      this.add(special, 'payroll', payrollRow(who, employer, period(this.year, month), fen));
  }

  official(special: Special, who: Person, role: OfficialRole): Official {
    return this.plan.official(who, special.household, role);
  }

  approval(
    special: Special,
    facts: {
      item: string;
      organisation: string;
      handlerId: string;
      received: string;
      decided: string;
      limit: number;
    },
  ): void {
    this.add(
      special,
      'approvals',
      approvalRow({
        caseNo: this.plan.nextCaseNo(),
        applicant: this.member(special, 0),
        result: facts.decided === '' ? '办理中' : '批准',
        ...facts,
      }),
    );
  }

  expect(rule: string, subject: string, program: ProgramCode | null, note: string): void {
    this.expected.push({ rule, subject, program_code: program, note });
  }

  near(rule: string, subject: string, program: ProgramCode | null, note: string): void {
    this.nearMisses.push({ rule, subject, program_code: program, note });
  }
}

export function months(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += 1) out.push(m);
  return out;
}

export const wholeYear = months(1, 12);
