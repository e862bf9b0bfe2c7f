import type { DatasetKey } from '../ingest/datasetDefinition.js';
import { addDays, lastDay, period, periodsOf, randomDate, shiftYears } from './calendar.js';
import { addWorkingDays, workingDayFrom } from '../calendar/workingDays.js';
import type { CountyPlan } from './countyPlan.js';
import type { DatasetRows } from './demoCounty.js';
import {
  type HandlerPost,
  type ProgramCode,
  oldAgeAllowanceFen,
  programmes,
} from './programmes.js';
import type { Random } from './random.js';
import {
  approvalRow,
  businessRow,
  deathRow,
  type disabilityLevels,
  disabilityRow,
  disabilityTypes,
  paymentRow,
  payrollRow,
  propertyRow,
  residentRow,
  vehicleRow,
} from './rowBuilders.js';
import { type Household, type Person, type Village, ageOn } from './world.js';

/**
 * The everyday life of a household that no case was injected into: payments it is entitled
 * to, its cars, houses and shops, deaths, disability certificates and applications. Built so
 * that it raises no warning at all: the poor (低保, 特困, 临时救助) own nothing that
 * disqualifies them, nobody is paid into a stranger's account, the old are old enough, the
 * dead stop being paid.
 */

export type Emit = (dataset: DatasetKey, row: DatasetRows) => void;

export interface ApprovalItem {
  item: string;
  limit: number;
  /** The township post that handles it, or 'village' for the village committee. */
  handler: HandlerPost | 'village';
}

export const approvalItems: Record<string, ApprovalItem> = {
  低保申请: { item: '低保申请', limit: 30, handler: '民政专干' },
  临时救助申请: { item: '临时救助申请', limit: 10, handler: '民政专干' },
  高龄津贴申请: { item: '高龄津贴申请', limit: 15, handler: '民政专干' },
  残疾人两项补贴申请: { item: '残疾人两项补贴申请', limit: 20, handler: '民政专干' },
  宅基地审批: { item: '宅基地审批', limit: 20, handler: '村镇建设专干' },
  危房改造申请: { item: '危房改造申请', limit: 30, handler: '村镇建设专干' },
  村级证明开具: { item: '村级证明开具', limit: 5, handler: 'village' },
};

/** The receiving unit and the handler of an application in a village. */
export function approvalDesk(
  plan: CountyPlan,
  village: Village,
  item: ApprovalItem,
): { organisation: string; handlerId: string } {
  if (item.handler === 'village')
    return { organisation: village.committee, handlerId: village.cadres[1]!.person.id };
  return {
    organisation: `${village.township.name}人民政府`,
    handlerId: plan.handler(village, item.handler).person.id,
  };
}

type PoorKind = 'DB' | 'TK' | 'LS' | null;

const employers = ['第一中学', '第二中学', '人民医院', '中医医院', '职业中专'];
const townshipEmployers = ['中心小学', '卫生院', '中心幼儿园', '初级中学'];

export class Background {
  private readonly periods: string[];
  private readonly mid: string;

  constructor(
    private readonly plan: CountyPlan,
    private readonly random: Random,
    private readonly emit: Emit,
    /** Chance that an ordinary household is poor (before its shape is weighed). */
    private readonly poorChance: number,
  ) {
    this.periods = periodsOf(plan.year);
    this.mid = `${plan.year}-07-01`;
  }

  private age(person: Person): number {
    return ageOn(person.birth, this.mid);
  }

  /**
   * Writes every row of a household. `ordinary`: may be poor, have deaths and payroll staff;
   * `payments`: may draw non-means-tested payments (false for a handler's family).
   */
  household(household: Household, ordinary: boolean, payments: boolean): void {
    const r = this.random;
    const y = this.plan.year;
    const members = household.members;
    const head = members[0]!;
    const staff = new Set<Person>();
    if (ordinary)
      for (const m of members)
        if (this.age(m) >= 22 && this.age(m) <= 59 && r.chance(0.015)) staff.add(m);
    let poor: PoorKind = null;
    if (ordinary && staff.size === 0) {
      const elderlyAlone = members.length === 1 && this.age(head) >= 60;
      const weight = elderlyAlone ? 2.6 : members.length === 2 && this.age(head) >= 60 ? 1.6 : 0.85;
      if (r.chance(this.poorChance * weight))
        poor = elderlyAlone && r.chance(0.45) ? 'TK' : r.chance(0.93) ? 'DB' : 'LS';
    }

    // Deaths and moves: only where nothing means-tested is paid.
    const deaths = new Map<Person, string>();
    const earlierDeaths = new Map<Person, string>();
    if (ordinary && poor === null) {
      for (const m of members) {
        const age = this.age(m);
        if (m !== head && age >= 18 && age <= 40 && !staff.has(m) && r.chance(0.01))
          m.status = '迁出';
        else if (age >= 65 && r.chance(0.03))
          deaths.set(m, randomDate(r, `${y}-01-01`, `${y}-12-28`));
        else if (age >= 65 && r.chance(0.004)) {
          earlierDeaths.set(m, randomDate(r, `${y - 1}-01-01`, `${y - 1}-12-28`));
          m.status = '死亡注销';
        }
      }
    }
    const paidUntil = (m: Person): string =>
      m.status !== '正常' ? '' : (deaths.get(m)?.slice(0, 7) ?? `${y}-12`);

    // Disability certificates: valid ones (issued within the last eight years) and expired ones.
    const certificates = new Map<
      Person,
      { level: (typeof disabilityLevels)[number]; valid: boolean }
    >();
    for (const m of members) {
      const age = this.age(m);
      if (!r.chance(age < 18 ? 0.01 : age < 60 ? 0.03 : 0.07)) continue;
      const type = r.pick(disabilityTypes);
      const level = r.weighted([
        ['一级', 1],
        ['二级', 2.5],
        ['三级', 3.5],
        ['四级', 3],
      ] as const);
      const valid = !r.chance(0.1);
      const issued = valid
        ? randomDate(r, `${y - 8}-01-01`, `${y - 1}-12-31`)
        : randomDate(r, `${y - 14}-01-01`, `${y - 11}-12-31`);
      const until = valid && r.chance(0.15) ? '' : addDays(shiftYears(issued, 10), -1);
      if (issued < m.birth) continue;
      certificates.set(m, { level, valid });
      this.emit('disabilities', disabilityRow(m, type, level, issued, until));
    }

    this.assets(household, poor !== null, staff);

    // Payments.
    const paid = new Set<Person>();
    const rows: DatasetRows[] = [];
    if (payments) {
      const village = household.village;
      const handler = (code: ProgramCode): string =>
        this.plan.handler(village, programmes[code].handler).person.id;
      const delegateOf = (beneficiary: Person): Person | null => {
        if (this.age(beneficiary) < 75 || !r.chance(0.35)) return null;
        return (
          members.find(
            (m) =>
              ['子', '女', '儿媳', '女婿', '孙子', '孙女'].includes(m.relation) &&
              m.status === '正常' &&
              !deaths.has(m) &&
              this.age(m) >= 25 &&
              this.age(m) <= 59,
          ) ?? null
        );
      };
      const stream = (
        beneficiary: Person,
        code: ProgramCode,
        months: string[],
        amount: (p: string) => number,
        size: number | '',
        delegate: Person | null = null,
      ): void => {
        const until = paidUntil(beneficiary);
        const blankHolderId = r.chance(0.04);
        for (const p of months) {
          if (p > until) break;
          const holder = delegate ?? beneficiary;
          rows.push(
            paymentRow({
              programme: code,
              beneficiary,
              village,
              householdId: household.id,
              size,
              period: p,
              amountFen: amount(p),
              account: holder.account,
              holderName: holder.name,
              holderId: blankHolderId ? '' : holder.id,
              handlerId: handler(code),
              payDate:
                code === 'LS' || code === 'WF'
                  ? `${p}-${String(r.int(5, 25)).padStart(2, '0')}`
                  : undefined,
            }),
          );
          paid.add(beneficiary);
        }
      };
      const size = members.length;
      if (poor === 'DB') {
        const perCapita = r.int(26, 56) * 1000;
        const from = r.chance(0.1) ? r.int(2, 10) : 1;
        stream(head, 'DB', this.periods.slice(from - 1), () => perCapita * size, size);
      } else if (poor === 'TK') {
        const fen = r.int(62, 73) * 1000;
        stream(head, 'TK', this.periods, () => fen, 1);
      }
      if (poor === 'LS' || (poor !== null && r.chance(0.04))) {
        const fen = r.int(5, 30) * 10_000;
        stream(head, 'LS', [period(y, r.int(1, 12))], () => fen, size);
      }
      if (poor !== null && r.chance(0.05)) {
        const fen = r.int(15, 35) * 100_000;
        stream(head, 'WF', [period(y, r.int(3, 11))], () => fen, size);
      }
      if (village.name.endsWith('村') && this.age(head) >= 18 && r.chance(0.75)) {
        const fen = r.int(8, 80) * 1056;
        stream(head, 'GD', [period(y, 6)], () => fen, '');
      }
      for (const m of members) {
        const old = this.periods.filter((p) => ageOn(m.birth, lastDay(p)) >= 80);
        if (old.length > 0 && r.chance(0.96))
          stream(
            m,
            'GL',
            old,
            (p) => oldAgeAllowanceFen(ageOn(m.birth, lastDay(p))),
            1,
            delegateOf(m),
          );
        const pensioner = this.periods.filter((p) => ageOn(m.birth, lastDay(p)) >= 60);
        if (pensioner.length > 0 && !staff.has(m) && r.chance(0.97)) {
          const fen = 14_300 + r.int(0, 120) * 100;
          stream(m, 'YL', pensioner, () => fen, 1, delegateOf(m));
        }
        const certificate = certificates.get(m);
        if (certificate?.valid) {
          const fen =
            (poor === 'DB' ? 8_000 : 0) +
            (certificate.level === '一级' || certificate.level === '二级' ? 10_000 : 0);
          if (fen > 0 && r.chance(0.92)) stream(m, 'CJ', this.periods, () => fen, 1, delegateOf(m));
        }
      }
    }

    // The registry lags behind deaths of people still being paid (cremation records come first).
    for (const [m, date] of deaths) {
      if (paid.has(m)) {
        const source = r.pick(['火化', '死亡医学证明']);
        this.emit('deaths', deathRow(m, date, source));
        if (r.chance(0.3))
          this.emit('deaths', deathRow(m, date, source === '火化' ? '死亡医学证明' : '火化'));
      } else {
        m.status = '死亡注销';
        this.emit('deaths', deathRow(m, date, '户籍注销'));
        if (r.chance(0.5)) this.emit('deaths', deathRow(m, date, '火化'));
      }
    }
    for (const [m, date] of earlierDeaths) {
      this.emit('deaths', deathRow(m, date, '户籍注销'));
      if (r.chance(0.5)) this.emit('deaths', deathRow(m, date, '火化'));
    }
    for (const m of members) this.emit('residents', residentRow(m, household));
    for (const row of rows) this.emit('disbursements', row);

    for (const m of staff) {
      const employer = r.chance(0.5)
        ? `${this.plan.countyName}${r.pick(employers)}`
        : `${household.village.township.name}${r.pick(townshipEmployers)}`;
      const fen = r.int(3800, 7600) * 100;
      for (const p of this.periods) this.emit('payroll', payrollRow(m, employer, p, fen));
    }

    if (r.chance(0.035) && head.status === '正常')
      this.application(household, poor, certificates.size > 0);
  }

  private assets(household: Household, poor: boolean, staff: Set<Person>): void {
    const r = this.random;
    const y = this.plan.year;
    const members = household.members;
    const head = members[0]!;
    const adults = members.filter((m) => this.age(m) >= 18 && this.age(m) <= 75);
    const owner = (): Person => (adults.length > 0 ? r.pick(adults) : head);
    const vehicle = (who: Person, type: string, from: number, to: number, cancelled = ''): void => {
      const registered = randomDate(r, `${y - from}-01-01`, `${y - to}-12-31`);
      this.emit('vehicles', vehicleRow(who, this.plan.nextPlate(), type, registered, cancelled));
    };
    const location = household.address;
    if (poor) {
      if (r.chance(0.15)) vehicle(owner(), '摩托车', 12, 1);
      if (r.chance(0.05)) vehicle(owner(), '三轮汽车', 12, 1);
      if (r.chance(0.03)) vehicle(owner(), '拖拉机', 15, 1);
      if (r.chance(0.03)) {
        const registered = randomDate(r, `${y - 12}-01-01`, `${y - 4}-12-31`);
        const cancelled = randomDate(r, addDays(registered, 365), `${y - 1}-11-30`);
        this.emit(
          'vehicles',
          vehicleRow(owner(), this.plan.nextPlate(), '小型轿车', registered, cancelled),
        );
      }
      if (r.chance(0.55)) {
        const registered = randomDate(r, `${y - 25}-01-01`, `${y - 1}-12-31`);
        const certificate = this.plan.nextPropertyCertificate(registered);
        this.emit(
          'properties',
          propertyRow(head, certificate, location, '住宅', r.int(60, 160), registered),
        );
      }
      if (r.chance(0.015)) {
        const established = randomDate(r, `${y - 10}-01-01`, `${y - 4}-12-31`);
        const closed = randomDate(r, addDays(established, 365), `${y - 1}-10-31`);
        this.emit(
          'businesses',
          businessRow({
            creditCode: this.plan.nextCreditCode(false),
            name: `${this.plan.shortCountyName}${household.village.township.name}${head.name.slice(0, 1)}记${r.pick(['小卖部', '农资店', '早餐店'])}`,
            legalRep: head,
            shareholders: [],
            capital: '',
            established,
            status: '注销',
            closed,
          }),
        );
      }
      return;
    }
    if (r.chance(0.3)) {
      const type = r.weighted([
        ['小型轿车', 6],
        ['小型普通客车', 3],
        ['小型越野客车', 1],
      ] as const);
      const registered = randomDate(r, `${y - 12}-01-01`, `${y}-10-31`);
      const cancelled = r.chance(0.08) ? randomDate(r, addDays(registered, 30), `${y}-12-31`) : '';
      this.emit(
        'vehicles',
        vehicleRow(owner(), this.plan.nextPlate(), type, registered, cancelled),
      );
    }
    if (r.chance(0.06)) vehicle(owner(), '轻型货车', 10, 0);
    if (r.chance(0.18)) vehicle(owner(), r.pick(['摩托车', '普通二轮摩托车']), 12, 0);
    if (r.chance(0.05)) vehicle(owner(), '三轮汽车', 12, 0);
    if (r.chance(0.03)) vehicle(owner(), '拖拉机', 15, 0);
    const spouse = members.find((m) => m.relation === '配偶');
    if (r.chance(0.88)) {
      const registered = randomDate(r, `${y - 25}-01-01`, `${y - 1}-12-31`);
      const certificate = this.plan.nextPropertyCertificate(registered);
      const area = r.int(90, 260);
      this.emit('properties', propertyRow(head, certificate, location, '住宅', area, registered));
      if (spouse && r.chance(0.2))
        this.emit(
          'properties',
          propertyRow(spouse, certificate, location, '住宅', area, registered),
        );
    }
    if (r.chance(0.12)) {
      const registered = randomDate(r, `${y - 8}-01-01`, `${y}-11-30`);
      const town = `${this.plan.countyName}${this.plan.townships[0]!.name}`;
      this.emit(
        'properties',
        propertyRow(
          spouse && r.chance(0.4) ? spouse : head,
          this.plan.nextPropertyCertificate(registered),
          `${town}${r.pick(['锦江', '滨江', '御景', '龙凤'])}小区${r.int(1, 20)}栋${r.int(1, 30)}0${r.int(1, 4)}室`,
          '住宅',
          r.int(70, 140),
          registered,
        ),
      );
    }
    if (r.chance(0.03)) {
      const registered = randomDate(r, `${y - 10}-01-01`, `${y - 1}-12-31`);
      this.emit(
        'properties',
        propertyRow(
          owner(),
          this.plan.nextPropertyCertificate(registered),
          `${location}临街门面`,
          '商业',
          r.int(30, 200),
          registered,
        ),
      );
    }
    if (r.chance(0.05)) {
      const rep = adults.find((m) => !staff.has(m)) ?? head;
      const company = r.chance(0.3);
      const established = randomDate(r, `${y - 15}-01-01`, `${y}-09-30`);
      const status = r.weighted([
        ['存续', 55],
        ['在业', 30],
        ['注销', 10],
        ['吊销', 5],
      ] as const);
      const closed =
        status === '注销' || status === '吊销'
          ? randomDate(r, addDays(established, 60), `${y}-12-31`)
          : '';
      const partner = members.find((m) => m !== rep && this.age(m) >= 18);
      this.emit(
        'businesses',
        businessRow({
          creditCode: this.plan.nextCreditCode(company),
          name: company
            ? `${this.plan.countyName}${rep.name.slice(1)}${r.pick(['农业开发', '商贸', '建材', '生态养殖', '物流'])}有限公司`
            : `${this.plan.shortCountyName}${household.village.township.name}${rep.name.slice(0, 1)}记${r.pick(['农资店', '小卖部', '餐馆', '五金店', '理发店', '养殖场'])}`,
          legalRep: rep,
          shareholders: company ? (partner ? [rep, partner] : [rep]) : [],
          capital: company ? String(r.int(5, 50) * 10) : '',
          established,
          status,
          closed,
        }),
      );
    }
  }

  private application(household: Household, poor: PoorKind, disabled: boolean): void {
    const r = this.random;
    const y = this.plan.year;
    const choices: string[] = ['宅基地审批', '村级证明开具'];
    if (poor) choices.push('低保申请', '临时救助申请', '危房改造申请');
    if (household.members.some((m) => this.age(m) >= 79)) choices.push('高龄津贴申请');
    if (disabled) choices.push('残疾人两项补贴申请');
    const item = approvalItems[r.pick(choices)]!;
    const desk = approvalDesk(this.plan, household.village, item);
    const received = workingDayFrom(randomDate(r, `${y}-01-02`, `${y}-12-24`));
    const days = r.int(1, Math.max(1, item.limit - 3));
    const decided = addWorkingDays(received, days);
    const open = decided > this.plan.today;
    this.emit(
      'approvals',
      approvalRow({
        caseNo: this.plan.nextCaseNo(),
        item: item.item,
        applicant: household.members[0]!,
        organisation: desk.organisation,
        handlerId: desk.handlerId,
        received,
        decided: open ? '' : decided,
        limit: item.limit,
        result: open ? '办理中' : r.chance(0.85) ? '批准' : '不予批准',
      }),
    );
  }
}
