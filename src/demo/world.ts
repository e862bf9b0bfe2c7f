import { composeIdNumber } from '../core/idNumber.js';
import type { relationsToHead } from '../ingest/datasets/residents.js';
import { dayNumber } from './calendar.js';
import { givenName } from './names.js';
import type { HandlerPost } from './programmes.js';
import type { Random } from './random.js';

/** The people, households and places of the demo county. */

export type RelationToHead = (typeof relationsToHead)[number];
export type Sex = '男' | '女';
export type ResidentStatus = '正常' | '死亡注销' | '迁出';

export interface Township {
  code: string;
  name: string;
  villages: Village[];
  /** The staff who handle payments and applications, by post. */
  handlers: Map<HandlerPost, Official>;
  /** Everyone on the township government's staff. */
  staff: Official[];
}

export interface Village {
  code: string;
  name: string;
  township: Township;
  /** The last household number used. */
  households: number;
  /** Village committee (村民委员会 or 居民委员会 for a 社区). */
  committee: string;
  cadres: Official[];
}

export interface Person {
  /** Order of creation: makes the bank account. */
  index: number;
  id: string;
  name: string;
  sex: Sex;
  birth: string;
  relation: RelationToHead;
  status: ResidentStatus;
  account: string;
  phone: string;
}

export interface Household {
  id: string;
  village: Village;
  members: Person[];
  address: string;
}

export interface Official {
  person: Person;
  household: Household;
  organisation: string;
  position: string;
  category: '公务员' | '事业人员' | '村干部' | '村务监督委员会成员' | '国企人员' | '其他';
  jurisdiction: string;
  start: string;
  end: string;
  statePaid: boolean;
  /** Monthly pay in fen for the state-paid (payroll), 0 otherwise. */
  salaryFen: number;
}

/** What a household member should be: the builder gives the name and the ID number. */
export interface MemberSpec {
  relation: RelationToHead;
  sex: Sex;
  birth: string;
  surname: string;
  /** A fixed name (else one is drawn). */
  name?: string;
}

function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A bank card number of 16 or 19 digits, unique per person index, with a Luhn digit. */
export function bankAccount(index: number): string {
  const body =
    index % 4 === 0
      ? `622848${String(index).padStart(9, '0')}`
      : `6217993${String(index).padStart(11, '0')}`;
  return body + luhnDigit(body);
}

/** Makes people with unique valid ID numbers of the county. */
export class People {
  private readonly counters = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly countyPrefix: string,
    private readonly random: Random,
  ) {}

  get created(): number {
    return this.count;
  }

  /** A fresh ID number for a birth date and sex (odd sequence for men). */
  idNumber(birth: string, sex: Sex): string {
    const key = birth + sex;
    const n = this.counters.get(key) ?? 0;
    if (n >= 500) throw new Error(`more than 500 people born on ${birth}`);
    this.counters.set(key, n + 1);
    const base = ((((dayNumber(birth) * 37) % 500) + 500) % 500) * 2;
    const sequence = ((base + 2 * n) % 1000) + (sex === '男' ? 1 : 0);
    return composeIdNumber(this.countyPrefix, birth, sequence);
  }

  /**
   * A new person. `kept`: built ahead of the stream and kept to the end. Kept and passing
   * people come from two separate object literals on purpose: V8 moves the allocation of an
   * object literal whose objects live long to the old generation (pretenuring), and the
   * hundreds of thousands of passing people would then pile up there.
   */
  person(spec: MemberSpec, name: string, kept = true): Person {
    const index = this.count;
    this.count += 1;
    const id = this.idNumber(spec.birth, spec.sex);
    const phone = this.random.chance(0.25)
      ? ''
      : `1${this.random.pick(['3', '5', '7', '8', '9'])}${String(this.random.int(0, 999_999_999)).padStart(9, '0')}`;
    const account = bankAccount(index);
    const { sex, birth, relation } = spec;
    if (kept) return { index, id, name, sex, birth, relation, status: '正常', account, phone };
    return { index, id, name, sex, birth, relation, status: '正常', account, phone };
  }

  /** A household in `village` with the given members, named without repeats. */
  household(village: Village, specs: readonly MemberSpec[], kept = true): Household {
    village.households += 1;
    const number = village.households;
    const names = new Set<string>();
    // Two array literals for the same reason as in `person`.
    const members: Person[] = kept ? [] : [];
    for (const spec of specs) {
      const year = Number(spec.birth.slice(0, 4));
      let name = spec.name ?? spec.surname + givenName(this.random, spec.sex, year);
      while (names.has(name)) name = spec.surname + givenName(this.random, spec.sex, year);
      names.add(name);
      members.push(this.person(spec, name, kept));
    }
    const id = `H${village.code.slice(6)}${String(number).padStart(4, '0')}`;
    const address = `${village.township.name}${village.name}${1 + (number % 9)}组${number}号`;
    if (kept) return { id, village, members, address };
    return { id, village, members, address };
  }

  /** A name not used in the household yet. */
  freshName(household: Household, surname: string, sex: Sex, birth: string): string {
    const taken = new Set(household.members.map((m) => m.name));
    let name = surname + givenName(this.random, sex, Number(birth.slice(0, 4)));
    while (taken.has(name)) name = surname + givenName(this.random, sex, Number(birth.slice(0, 4)));
    return name;
  }
}

export function surnameOf(person: Person): string {
  return person.name.slice(0, 1);
}

/** Age in whole years on `date` (birth dates never fall on 29 February). */
export function ageOn(birth: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  if (date.slice(5) < birth.slice(5)) age -= 1;
  return age;
}

export function head(household: Household): Person {
  return household.members[0]!;
}
