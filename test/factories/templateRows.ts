import { composeCreditCode } from '../../src/core/creditCode.js';
import type { DatasetKey } from '../../src/ingest/datasetDefinition.js';
import { fakeName, newIdNumber } from './people.js';

/**
 * One valid row of each template, as a clerk types it (keys are the template's English
 * keys; values are text). Each call gives a new record (a new natural key).
 */
export type TemplateRow = Record<string, string>;

let counter = 0;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditBody(n: number): string {
  let tail = '';
  let rest = n;
  for (let i = 0; i < 5; i += 1) {
    tail = alphabet[rest % 31]! + tail;
    rest = Math.floor(rest / 31);
  }
  return `92431226MA4L${tail}`;
}

export function templateRow(dataset: DatasetKey): TemplateRow {
  counter += 1;
  const n = counter;
  const id = newIdNumber();
  const name = fakeName(n);
  switch (dataset) {
    case 'residents':
      return {
        id_number: id,
        name,
        gender: Number(id[16]) % 2 === 1 ? '男' : '女',
        birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        household_id: `H${pad(n, 6)}`,
        relation_to_head: '户主',
        village_code: '431226101001',
        address: `锦和镇东街${n}号`,
        phone: `1380000${pad(n % 10000, 4)}`,
        status: '正常',
      };
    case 'officials':
      return {
        id_number: id,
        name,
        organisation: '锦和镇人民政府',
        position: '乡镇民政专干',
        category: '公务员',
        jurisdiction_code: '431226101000',
        start_date: '2020-01-01',
        end_date: '',
        state_paid: '是',
      };
    case 'relations':
      return {
        official_id_number: id,
        relative_id_number: newIdNumber(),
        relative_name: fakeName(n + 1),
        relation: '配偶',
      };
    case 'programs':
      return {
        program_code: `P${pad(n, 5)}`,
        name: `测试项目${n}`,
        department: '县民政局',
        standard_monthly: '560',
        means_tested: '是',
        min_age: '',
        requires_disability: '否',
        exclusive_with: 'TK',
      };
    case 'disbursements':
      return {
        record_id: `MZ-2024-${pad(n, 7)}`,
        program_code: 'DB',
        id_number: id,
        name,
        village_code: '431226101001',
        household_id: `H${pad(n, 6)}`,
        household_size: '1',
        period: '2024-03',
        pay_date: '2024-03-15',
        amount: '560.00',
        bank_account: `6222020${pad(n, 12)}`,
        account_holder: name,
        account_holder_id_number: id,
        handler_id_number: '',
      };
    case 'deaths':
      return { id_number: id, name, death_date: '2024-03-12', source: '火化' };
    case 'payroll':
      return { id_number: id, name, employer: '县教育局', period: '2024-03', amount: '4500.00' };
    case 'vehicles':
      return {
        id_number: id,
        name,
        plate: `湘N${pad(n, 5)}`,
        vehicle_type: '小型轿车',
        registered_date: '2020-05-01',
        cancelled_date: '',
      };
    case 'properties':
      return {
        id_number: id,
        name,
        certificate_no: `湘（2020）麻阳县不动产权第${pad(n, 7)}号`,
        location: `锦和镇西街${n}号`,
        usage: '住宅',
        floor_area: '120.5',
        registered_date: '2019-08-01',
      };
    case 'businesses':
      return {
        credit_code: composeCreditCode(creditBody(n)),
        business_name: `麻阳县测试${n}商行`,
        legal_rep_id_number: id,
        shareholder_id_numbers: `${newIdNumber()};${newIdNumber()}`,
        registered_capital: '10',
        established_date: '2018-01-01',
        status: '存续',
        closed_date: '',
      };
    case 'disabilities':
      return {
        id_number: id,
        name,
        certificate_no: `${id}4${n % 10}`,
        disability_type: '肢体',
        disability_level: '二级',
        issued_date: '2015-06-01',
        valid_until: '',
      };
    case 'approvals':
      return {
        case_no: `BJ-2024-${pad(n, 7)}`,
        item: '低保申请',
        applicant_id_number: id,
        organisation: '锦和镇人民政府',
        handler_id_number: newIdNumber(),
        received_date: '2024-03-01',
        decided_date: '2024-03-15',
        time_limit_days: '20',
        result: '批准',
      };
  }
}
