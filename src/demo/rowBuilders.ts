import { composeCreditCode } from '../core/creditCode.js';
import type { DatasetRows } from './demoCounty.js';
import { type ProgramCode, programmes, yuan } from './programmes.js';
import type { Household, Official, Person, Village } from './world.js';

/** Template rows (docs/reference/datasets.md), values as a clerk types them, from the facts. */

export function residentRow(person: Person, household: Household): DatasetRows {
  return {
    id_number: person.id,
    name: person.name,
    gender: person.sex,
    birth_date: person.birth,
    household_id: household.id,
    relation_to_head: person.relation,
    village_code: household.village.code,
    address: household.address,
    phone: person.phone,
    status: person.status,
  };
}

export function officialRow(official: Official): DatasetRows {
  return {
    id_number: official.person.id,
    name: official.person.name,
    organisation: official.organisation,
    position: official.position,
    category: official.category,
    jurisdiction_code: official.jurisdiction,
    start_date: official.start,
    end_date: official.end,
    state_paid: official.statePaid ? '是' : '否',
  };
}

export interface PaymentFacts {
  programme: ProgramCode;
  beneficiary: Person;
  /** The name on the payment when it differs from the registry (R11). */
  name?: string;
  village: Village | string;
  householdId: string;
  size: number | '';
  period: string;
  amountFen: number;
  /** The account and its holder (default: the beneficiary's own). */
  account?: string;
  holderName?: string;
  /** '' when the clerk left it empty. */
  holderId?: string;
  handlerId: string;
  payDate?: string;
}

/** A payment row; its record number is given when it is written. */
export function paymentRow(facts: PaymentFacts): DatasetRows {
  const p = facts.beneficiary;
  return {
    record_id: '',
    program_code: facts.programme,
    id_number: p.id,
    name: facts.name ?? p.name,
    village_code: typeof facts.village === 'string' ? facts.village : facts.village.code,
    household_id: facts.householdId,
    household_size: facts.size === '' ? '' : String(facts.size),
    period: facts.period,
    pay_date:
      facts.payDate ??
      `${facts.period}-${String(programmes[facts.programme].payDay).padStart(2, '0')}`,
    amount: yuan(facts.amountFen),
    bank_account: facts.account ?? p.account,
    account_holder: facts.holderName ?? p.name,
    account_holder_id_number: facts.holderId ?? p.id,
    handler_id_number: facts.handlerId,
  };
}

export function deathRow(person: Person, date: string, source: string): DatasetRows {
  return { id_number: person.id, name: person.name, death_date: date, source };
}

export function payrollRow(
  person: Person,
  employer: string,
  period: string,
  fen: number,
): DatasetRows {
  return { id_number: person.id, name: person.name, employer, period, amount: yuan(fen) };
}

const provinceAbbreviations: Record<string, string> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '蒙',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '贵',
  '53': '云',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

const plateLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const plateChars = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function provinceAbbreviation(code: string): string {
  return provinceAbbreviations[code.slice(0, 2)] ?? '湘';
}

/** A unique plate for a sequence number: province, city letter, five characters. */
export function plate(regionCode: string, sequence: number): string {
  const city =
    regionCode.slice(0, 4) === '4312'
      ? 'N'
      : plateLetters[Number(regionCode.slice(2, 4)) % plateLetters.length]!;
  let n = (sequence * 7919 + 12_345) % 34 ** 5;
  let body = '';
  for (let i = 0; i < 5; i += 1) {
    body = plateChars[n % 34]! + body;
    n = Math.floor(n / 34);
  }
  return `${provinceAbbreviation(regionCode)}${city}${body}`;
}

export function vehicleRow(
  owner: Person,
  plateNo: string,
  type: string,
  registered: string,
  cancelled = '',
): DatasetRows {
  return {
    id_number: owner.id,
    name: owner.name,
    plate: plateNo,
    vehicle_type: type,
    registered_date: registered,
    cancelled_date: cancelled,
  };
}

export function propertyRow(
  owner: Person,
  certificate: string,
  location: string,
  usage: string,
  area: number,
  registered: string,
): DatasetRows {
  return {
    id_number: owner.id,
    name: owner.name,
    certificate_no: certificate,
    location,
    usage,
    floor_area: area.toFixed(2),
    registered_date: registered,
  };
}

export function propertyCertificate(
  regionCode: string,
  countyShort: string,
  year: string,
  sequence: number,
): string {
  return `${provinceAbbreviation(regionCode)}(${year})${countyShort}不动产权第${String(sequence).padStart(7, '0')}号`;
}

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code, unique per sequence number. */
export function creditCode(regionCode: string, company: boolean, sequence: number): string {
  let n = (sequence * 104_729 + 7_777_777) % 31 ** 9;
  let body = '';
  for (let i = 0; i < 9; i += 1) {
    body = creditAlphabet[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  return composeCreditCode(`${company ? '91' : '92'}${regionCode.slice(0, 6)}${body}`);
}

export function businessRow(facts: {
  creditCode: string;
  name: string;
  legalRep: Person | null;
  shareholders: Person[];
  capital: string;
  established: string;
  status: '存续' | '在业' | '注销' | '吊销';
  closed: string;
}): DatasetRows {
  return {
    credit_code: facts.creditCode,
    business_name: facts.name,
    legal_rep_id_number: facts.legalRep?.id ?? '',
    shareholder_id_numbers: facts.shareholders.map((s) => s.id).join(';'),
    registered_capital: facts.capital,
    established_date: facts.established,
    status: facts.status,
    closed_date: facts.closed,
  };
}

export const disabilityTypes = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;
export const disabilityLevels = ['一级', '二级', '三级', '四级'] as const;

export function disabilityRow(
  person: Person,
  type: (typeof disabilityTypes)[number],
  level: (typeof disabilityLevels)[number],
  issued: string,
  validUntil: string,
): DatasetRows {
  return {
    id_number: person.id,
    name: person.name,
    certificate_no: `${person.id}${disabilityTypes.indexOf(type) + 1}${disabilityLevels.indexOf(level) + 1}`,
    disability_type: type,
    disability_level: level,
    issued_date: issued,
    valid_until: validUntil,
  };
}

export function approvalRow(facts: {
  caseNo: string;
  item: string;
  applicant: Person;
  organisation: string;
  handlerId: string;
  received: string;
  decided: string;
  limit: number;
  result: '批准' | '不予批准' | '办理中';
}): DatasetRows {
  return {
    case_no: facts.caseNo,
    item: facts.item,
    applicant_id_number: facts.applicant.id,
    organisation: facts.organisation,
    handler_id_number: facts.handlerId,
    received_date: facts.received,
    decided_date: facts.decided,
    time_limit_days: String(facts.limit),
    result: facts.result,
  };
}
