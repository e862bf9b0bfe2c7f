import { addDays } from './calendar.js';
import {
  addWorkingDays,
  isWorkingDay,
  workingDayFrom,
  workingDaysBetween,
} from '../calendar/workingDays.js';
import { officialCalendar } from '../calendar/officialCalendar.js';
import { type CaseKit, months, wholeYear } from './caseKit.js';
import type { Special } from './countyPlan.js';
import { surnamesWithTraditionalForm, traditionalForm } from './names.js';
import type { Official, Person, Village } from './world.js';

/**
 * The injected violations of R01–R14 and R16 (R15 lives with the complaints) and the near
 * misses that must not raise a warning. Every case builds fresh households, so cases never
 * touch each other; each lists exactly the warnings it raises.
 */

interface Variant {
  /** Needs two villages, or two townships. */
  needs?: 'villages' | 'townships';
  run: (kit: CaseKit) => void;
}

function feasible(kit: CaseKit, variant: Variant): boolean {
  if (variant.needs === 'villages') return kit.plan.villages.length >= 2;
  if (variant.needs === 'townships') return kit.plan.townships.length >= 2;
  return true;
}

/** Runs `count` cases (at least one of each feasible variant), taking the variants in turn. */
function runCases(kit: CaseKit, count: number, variants: Variant[]): void {
  const usable = variants.filter((v) => feasible(kit, v));
  const total = Math.max(count, usable.length);
  for (let i = 0; i < total; i += 1) usable[i % usable.length]!.run(kit);
}

function runNear(kit: CaseKit, count: number, variants: Variant[]): void {
  const usable = variants.filter((v) => feasible(kit, v));
  for (let i = 0; i < count; i += 1) for (const v of usable) v.run(kit);
}

const d = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function villageOfficial(
  kit: CaseKit,
  special: Special,
  who: Person,
  village: Village,
  position: string,
  start: string,
  end = '',
): Official {
  return kit.official(special, who, {
    organisation: village.committee,
    position,
    category:
      position === '村务监督委员会主任'
        ? '村务监督委员会成员'
        : position === '村民小组长'
          ? '其他'
          : '村干部',
    jurisdiction: village.code,
    start,
    end,
    statePaid: false,
  });
}

function r01(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 72);
        const head = k.member(s, 0);
        k.pay(s, head, 'DB', wholeYear);
        k.death(s, head, d(y, 3, 14), '火化');
        k.expect('R01', head.id, 'DB', 'died in March; 低保 still paid April to December');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 86, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'GL', months(1, 6));
        k.death(s, who, d(y - 1, 11, 20), '死亡医学证明');
        k.expect('R01', who.id, 'GL', 'died last November; 高龄津贴 paid January to June');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 70);
        const head = k.member(s, 0);
        k.pay(s, head, 'YL', months(1, 8));
        k.death(s, head, d(y, 5, 2), '火化');
        k.death(s, head, d(y, 4, 28), '死亡医学证明');
        k.expect(
          'R01',
          head.id,
          'YL',
          'two death records; the earliest (28 April) counts: paid May to August',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 50);
        const who = k.member(s, 0);
        k.certificate(s, who, d(y - 3, 4, 9));
        k.pay(s, who, 'CJ', months(1, 9));
        k.death(s, who, d(y, 6, 15), '火化');
        k.expect('R01', who.id, 'CJ', 'died in June; disability allowance paid July to September');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 77);
        const who = k.member(s, 0);
        k.pay(s, who, 'TK', wholeYear);
        k.death(s, who, d(y, 2, 3), '火化');
        k.expect('R01', who.id, 'TK', 'died in February; 特困 support paid March to December');
      },
    },
  ]);
}

function r01Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 86);
        const who = k.member(s, 0);
        k.pay(s, who, 'GL', months(1, 5));
        k.death(s, who, d(y, 5, 20), '火化');
        k.near('R01', who.id, 'GL', 'died 20 May, last payment for May (same month)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 66, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'DB', months(1, 9));
        k.death(s, who, d(y, 9, 2), '死亡医学证明');
        k.near('R01', who.id, 'DB', 'died 2 September, 低保 paid up to September only');
      },
    },
  ]);
}

function r02(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const s = k.family(v, 40, 1);
        const head = k.member(s, 0);
        k.payroll(s, k.member(s, 1), `${v.township.name}中心小学`, wholeYear);
        k.pay(s, head, 'DB', wholeYear);
        k.expect(
          'R02',
          head.id,
          'DB',
          'his wife, in the same household, is a teacher on the payroll',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 45);
        const who = k.member(s, 0);
        k.payroll(s, who, `${plan.countyName}人民医院`, wholeYear, 410_000);
        k.pay(s, who, 'LS', [8]);
        k.expect('R02', who.id, 'LS', 'the beneficiary himself is on the payroll (县人民医院)');
      },
    },
    {
      needs: 'villages',
      run: (k) => {
        const home = k.village();
        const post = k.otherVillage(home)!;
        const s = k.household(home, [k.spec('户主', '男', 35), k.spec('母', '女', 66)]);
        const official = k.official(s, k.member(s, 0), {
          organisation: `${plan.countyName}乡村振兴局`,
          position: `驻${post.name}第一书记`,
          category: '公务员',
          jurisdiction: post.code,
          start: d(k.year - 2, 3, 1),
          statePaid: true,
        });
        plan.declare(official, k.member(s, 1), '父母');
        const mother = k.member(s, 1);
        k.pay(s, mother, 'DB', wholeYear);
        k.expect(
          'R02',
          mother.id,
          'DB',
          'her son, in her household, is a state-paid 第一书记 posted to another village (so not R03)',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.household(v, [
          k.spec('户主', '女', 42),
          k.spec('配偶', '男', 44),
          k.spec('女', '女', 15),
          k.spec('子', '男', 12),
        ]);
        k.payroll(s, k.member(s, 0), `${plan.countyName}人民医院`, months(1, 6), 480_000);
        const husband = k.member(s, 1);
        k.pay(s, husband, 'DB', wholeYear);
        k.expect('R02', husband.id, 'DB', 'his wife was on the payroll January to June');
      },
    },
  ]);
}

function r02Near(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const s = k.family(v, 38, 1);
        k.payroll(s, k.member(s, 1), `${k.plan.countyName}人民医院`, months(1, 3), 450_000);
        const head = k.member(s, 0);
        k.pay(s, head, 'DB', months(4, 12));
        k.near('R02', head.id, 'DB', 'wife left the payroll in March; 低保 from April only');
      },
    },
  ]);
}

function r03(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  const start = d(y - 3, 1, 16);
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const o = k.couple(v, 52);
        const official = villageOfficial(k, o, k.member(o, 0), v, '村务监督委员会主任', start);
        const surname = k.member(o, 0).name.slice(0, 1);
        const s = k.household(v, [k.spec('户主', '男', 55, surname), k.spec('配偶', '女', 53)]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R03',
          k.member(s, 0).id,
          'DB',
          'brother of the village supervisory committee chair',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.family(v, 45, 1);
        const official = villageOfficial(k, s, k.member(s, 0), v, '村委会委员', start);
        plan.declareHousehold(official);
        const wife = k.member(s, 1);
        k.pay(s, wife, 'DB', wholeYear);
        k.expect('R03', wife.id, 'DB', 'wife (same household) of a village committee member');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.single(v, 55);
        const who = k.member(s, 0);
        villageOfficial(k, s, who, v, '村民小组长', start);
        k.pay(s, who, 'DB', wholeYear);
        k.expect('R03', who.id, 'DB', 'the beneficiary is himself a 村民小组长 of the village');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.couple(v.township.villages[0]!, 41);
        const official = k.official(o, k.member(o, 0), {
          organisation: `${v.township.name}人民政府`,
          position: '副乡镇长',
          category: '公务员',
          jurisdiction: v.township.code,
          start: d(y - 4, 9, 1),
          statePaid: true,
        });
        const s = k.single(v, 47, '女');
        plan.declare(official, k.member(s, 0), '特定关系人');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R03', k.member(s, 0).id, 'DB', '特定关系人 of a deputy township head');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 44);
        const official = villageOfficial(k, o, k.member(o, 0), v, '村委会委员', d(y, 7, 1));
        const sister = k.spec('配偶', '女', 46, k.member(o, 0).name.slice(0, 1));
        const s = k.household(v, [k.spec('户主', '男', 48), sister]);
        plan.declare(official, k.member(s, 1), '兄弟姐妹');
        k.pay(s, k.member(s, 1), 'DB', wholeYear);
        k.expect(
          'R03',
          k.member(s, 1).id,
          'DB',
          'sister of a committee member in office from July (hits July to December)',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.couple(v, 39);
        const official = k.official(o, k.member(o, 0), {
          organisation: `${plan.countyName}民政局`,
          position: '科员',
          category: '公务员',
          jurisdiction: plan.countyCode,
          start: d(y - 6, 8, 1),
          statePaid: true,
        });
        const s = k.single(k.village(), 70);
        plan.declare(official, k.member(s, 0), '配偶父母');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R03', k.member(s, 0).id, 'DB', 'father-in-law of a county civil affairs officer');
      },
    },
  ]);
}

function r03Near(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  runNear(kit, count, [
    {
      needs: 'villages',
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 50);
        const official = villageOfficial(k, o, k.member(o, 0), v, '村委会委员', d(y - 3, 1, 16));
        const s = k.household(k.otherVillage(v)!, [
          k.spec('户主', '男', 53, k.member(o, 0).name.slice(0, 1)),
        ]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R03', k.member(s, 0).id, 'DB', 'brother of a committee member of another village');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 63);
        const official = villageOfficial(
          k,
          o,
          k.member(o, 0),
          v,
          '村委会主任',
          d(y - 6, 1, 10),
          d(y - 1, 12, 31),
        );
        const s = k.household(v, [k.spec('户主', '男', 60, k.member(o, 0).name.slice(0, 1))]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near(
          'R03',
          k.member(s, 0).id,
          'DB',
          'brother of a former village head whose term ended last December',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 58);
        const official = villageOfficial(
          k,
          o,
          k.member(o, 0),
          v,
          '村会计',
          d(y - 3, 1, 16),
          d(y, 3, 31),
        );
        const s = k.household(v, [k.spec('户主', '女', 55, k.member(o, 0).name.slice(0, 1))]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', months(4, 12));
        k.near(
          'R03',
          k.member(s, 0).id,
          'DB',
          'sister of a village accountant who left on 31 March; paid from April',
        );
      },
    },
    {
      needs: 'townships',
      run: (k) => {
        const v = k.village();
        const o = k.couple(v, 36);
        const official = k.official(o, k.member(o, 0), {
          organisation: `${v.township.name}人民政府`,
          position: '党政办主任',
          category: '公务员',
          jurisdiction: v.township.code,
          start: d(y - 5, 5, 1),
          statePaid: true,
        });
        const s = k.household(k.otherTownshipVillage(v)!, [
          k.spec('户主', '男', 40, k.member(o, 0).name.slice(0, 1)),
        ]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R03', k.member(s, 0).id, 'DB', 'brother of a township officer of another township');
        k.near(
          'R02',
          k.member(s, 0).id,
          'DB',
          'brother of a state-paid officer, in another household',
        );
      },
    },
  ]);
}

/** A fresh township assistant who handles the payments of one case. */
function assistant(
  kit: CaseKit,
  village: Village,
  surname?: string,
): { special: Special; official: Official } {
  const special = kit.household(village, [
    kit.spec('户主', '男', 40, surname),
    kit.spec('配偶', '女', 38),
  ]);
  const official = kit.official(special, kit.member(special, 0), {
    organisation: `${village.township.name}人民政府`,
    position: '社会救助协理员',
    category: '其他',
    jurisdiction: village.township.code,
    start: d(kit.year - 2, 4, 1),
    statePaid: false,
  });
  return { special, official };
}

function r04(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const { official } = assistant(k, v);
        const s = k.single(v, 84, '女');
        plan.declare(official, k.member(s, 0), '父母');
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { handler: official.person });
        k.expect(
          'R04',
          k.member(s, 0).id,
          'GL',
          'paid by a handler who declared her as his mother',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.household(v, [
          k.spec('户主', '男', 42),
          k.spec('配偶', '女', 40),
          k.spec('父', '男', 71),
        ]);
        const official = k.official(s, k.member(s, 0), {
          organisation: `${v.township.name}人民政府`,
          position: '社会救助协理员',
          category: '其他',
          jurisdiction: v.township.code,
          start: d(y - 2, 4, 1),
          statePaid: false,
        });
        plan.declareHousehold(official);
        const father = k.member(s, 2);
        k.certificate(s, father, d(y - 4, 10, 12));
        k.pay(s, father, 'CJ', wholeYear, { handler: official.person });
        k.expect('R04', father.id, 'CJ', 'handled by his son, in the same household');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const { special, official } = assistant(k, v);
        k.pay(special, official.person, 'GD', [6], { handler: official.person });
        k.expect('R04', official.person.id, 'GD', 'the handler paid himself the farmland subsidy');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const c = k.couple(v, 47);
        const cadre = villageOfficial(k, c, k.member(c, 0), v, '村委会委员', d(y - 3, 1, 16));
        const { official } = assistant(k, v, k.member(c, 0).name.slice(0, 1));
        plan.declare(cadre, official.person, '兄弟姐妹');
        k.pay(c, cadre.person, 'GD', [6], { handler: official.person });
        k.expect(
          'R04',
          cadre.person.id,
          'GD',
          'the beneficiary declared the handler as his brother (relation the other way)',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const { official } = assistant(k, v);
        const s = k.single(v, 58);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, {
          handler: official.person,
          holder: official.person,
        });
        k.expect('R04', k.member(s, 0).id, 'DB', "paid into the handler's own account");
        k.expect(
          'R10',
          k.member(s, 0).id,
          'DB',
          'paid into the account of the handler, not of the household',
        );
      },
    },
  ]);
}

function r04Near(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  runNear(kit, count, [
    {
      needs: 'townships',
      run: (k) => {
        const v = k.village();
        const { official } = assistant(k, v);
        const s = k.single(k.otherTownshipVillage(v)!, 83, '女');
        plan.declare(official, k.member(s, 0), '父母');
        k.pay(s, k.member(s, 0), 'GL', wholeYear);
        k.near(
          'R04',
          k.member(s, 0).id,
          'GL',
          "handler's mother in another township, paid by that township's handler",
        );
      },
    },
  ]);
}

function r05(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 55);
        const head = k.member(s, 0);
        k.vehicle(s, head, '小型轿车', d(y - 3, 5, 10));
        k.pay(s, head, 'DB', wholeYear);
        k.expect('R05', head.id, 'DB', 'owns a 小型轿车 registered three years ago');
      },
    },
    {
      run: (k) => {
        const s = k.family(k.village(), 45, 1);
        k.vehicle(s, k.member(s, 1), '轻型货车', d(y - 2, 9, 1));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R05', k.member(s, 0).id, 'DB', 'his wife owns a 轻型货车');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const head = k.spec('户主', '男', 60);
        const s = k.household(v, [head, k.spec('子', '男', 32, head.surname)]);
        k.vehicle(s, k.member(s, 1), '小型普通客车', d(y, 6, 15));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R05',
          k.member(s, 0).id,
          'DB',
          'his son bought a 小型普通客车 on 15 June (hits June to December)',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 50);
        k.vehicle(s, k.member(s, 0), '小型轿车', d(y - 4, 3, 3), d(y, 4, 10));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R05',
          k.member(s, 0).id,
          'DB',
          'car cancelled only on 10 April (hits January to April)',
        );
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 48);
        k.vehicle(s, k.member(s, 1), '小型轿车', d(y - 1, 7, 7));
        k.pay(s, k.member(s, 0), 'LS', [9]);
        k.expect('R05', k.member(s, 0).id, 'LS', 'temporary relief while his wife owns a car');
      },
    },
  ]);
}

function r05Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 57);
        k.vehicle(s, k.member(s, 0), '三轮汽车', d(y - 5, 4, 2));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R05', k.member(s, 0).id, 'DB', 'owns a 三轮汽车 (exempt)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 46);
        k.vehicle(s, k.member(s, 0), '摩托车', d(y - 2, 8, 19));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R05', k.member(s, 0).id, 'DB', 'owns a 摩托车 (exempt)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 52);
        k.vehicle(s, k.member(s, 0), '小型轿车', d(y - 7, 6, 6), d(y - 1, 12, 20));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R05', k.member(s, 0).id, 'DB', 'car cancelled last December, before the payments');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 50);
        k.vehicle(s, k.member(s, 1), '小型轿车', d(y, 8, 5));
        k.pay(s, k.member(s, 0), 'DB', months(1, 7));
        k.near(
          'R05',
          k.member(s, 0).id,
          'DB',
          'car registered 5 August, after the last payment (July)',
        );
      },
    },
  ]);
}

function r06(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 56);
        k.property(s, k.member(s, 0), '商业', d(y - 5, 11, 2), 60);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', 'owns a shop (商业)');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 49);
        k.property(s, k.member(s, 0), '住宅', d(y - 12, 3, 8));
        k.property(s, k.member(s, 1), '住宅', d(y - 2, 10, 20), 89);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', "two homes in the household: his and his wife's");
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 61);
        k.property(s, k.member(s, 0), '住宅', d(y - 20, 6, 1));
        k.property(s, k.member(s, 0), '住宅', d(y - 3, 6, 1), 95);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', 'owns two homes');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 53);
        k.property(s, k.member(s, 1), '办公', d(y - 4, 2, 14), 45);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', 'his wife owns an office (办公)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 58);
        k.property(s, k.member(s, 0), '住宅', d(y - 15, 9, 9));
        k.property(s, k.member(s, 0), '住宅', d(y, 8, 1), 88);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R06',
          k.member(s, 0).id,
          'DB',
          'second home registered 1 August (hits August to December)',
        );
      },
    },
  ]);
}

function r06Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 62);
        k.property(s, k.member(s, 0), '住宅', d(y - 18, 5, 5));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R06', k.member(s, 0).id, 'DB', 'one home only');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 64);
        k.property(s, k.member(s, 0), '住宅', d(y - 22, 5, 5));
        k.property(s, k.member(s, 0), '其他', d(y - 6, 7, 5), 20);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R06', k.member(s, 0).id, 'DB', 'one home and one outbuilding of usage 其他');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 51);
        k.property(s, k.member(s, 0), '住宅', d(y - 9, 1, 20));
        k.property(s, k.member(s, 1), '住宅', d(y, 10, 8), 90);
        k.pay(s, k.member(s, 0), 'DB', months(1, 9));
        k.near(
          'R06',
          k.member(s, 0).id,
          'DB',
          'second home registered 8 October, after the last payment (September)',
        );
      },
    },
  ]);
}

function r07(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 46);
        k.business(s, k.member(s, 0), [], d(y - 3, 3, 18), '存续');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R07', k.member(s, 0).id, 'DB', 'legal representative of a running shop');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.couple(v, 44);
        const partner = k.single(v, 39);
        k.business(
          partner,
          k.member(partner, 0),
          [k.member(partner, 0), k.member(s, 1)],
          d(y - 2, 7, 1),
          '在业',
        );
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R07', k.member(s, 0).id, 'DB', 'his wife is a shareholder of a trading company');
      },
    },
    {
      run: (k) => {
        const head = k.spec('户主', '男', 59);
        const s = k.household(k.village(), [head, k.spec('子', '男', 30, head.surname)]);
        k.business(s, k.member(s, 1), [], d(y, 5, 20), '存续');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R07',
          k.member(s, 0).id,
          'DB',
          'his son opened a shop on 20 May (hits May to December)',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 54);
        k.business(s, k.member(s, 0), [], d(y - 6, 4, 1), '注销', d(y, 4, 15));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R07',
          k.member(s, 0).id,
          'DB',
          'shop closed only on 15 April (hits January to April)',
        );
      },
    },
  ]);
}

function r07Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 57);
        k.business(s, k.member(s, 0), [], d(y - 5, 6, 1), '注销', d(y - 1, 9, 30));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R07', k.member(s, 0).id, 'DB', 'shop closed last September, before the payments');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 45);
        k.business(s, k.member(s, 0), [], d(y, 10, 10), '存续');
        k.pay(s, k.member(s, 0), 'DB', months(1, 9));
        k.near(
          'R07',
          k.member(s, 0).id,
          'DB',
          'shop opened 10 October, after the last payment (September)',
        );
      },
    },
  ]);
}

function r08(kit: CaseKit, count: number): void {
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 70);
        const who = k.member(s, 0);
        k.pay(s, who, 'TK', months(1, 6));
        k.pay(s, who, 'DB', wholeYear);
        k.expect('R08', who.id, 'DB', '低保 and 特困 in the same months (January to June)');
        k.expect('R08', who.id, 'TK', '特困 and 低保 in the same months (January to June)');
      },
    },
    {
      run: (k) => {
        const s = k.family(k.village(), 43, 1);
        const head = k.member(s, 0);
        k.pay(s, head, 'DB', wholeYear);
        k.pay(s, head, 'DB', [7]);
        k.expect('R08', head.id, 'DB', 'two 低保 records for July');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 83, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'GL', wholeYear);
        k.pay(s, who, 'GL', [3, 4]);
        k.expect('R08', who.id, 'GL', 'paid twice for March and April');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 51);
        const head = k.member(s, 0);
        k.pay(s, head, 'LS', [5], { amount: 80_000 });
        k.pay(s, head, 'LS', [5], { amount: 120_000 });
        k.expect('R08', head.id, 'LS', 'two temporary relief payments for May');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 67);
        const who = k.member(s, 0);
        k.pay(s, who, 'YL', wholeYear);
        k.pay(s, who, 'YL', [11]);
        k.expect('R08', who.id, 'YL', 'pension paid twice for November');
      },
    },
  ]);
}

function r08Near(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 68);
        const who = k.member(s, 0);
        k.pay(s, who, 'DB', months(1, 6));
        k.pay(s, who, 'TK', months(7, 12));
        k.near('R08', who.id, 'DB', 'moved from 低保 to 特困 in July: never both in one month');
        k.near('R08', who.id, 'TK', 'moved from 低保 to 特困 in July: never both in one month');
      },
    },
  ]);
}

function r09(kit: CaseKit, count: number): void {
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 60);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, { amount: 130_000 });
        k.expect(
          'R09',
          k.member(s, 0).id,
          'DB',
          '1,300 yuan a month for two people (standard 560 × 2)',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 84);
        const who = k.member(s, 0);
        k.pay(s, who, 'GL', wholeYear, { amount: (m) => (m === 6 ? 100_000 : 10_000) });
        k.expect('R09', who.id, 'GL', '1,000 yuan for June (standard 500)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 74, '女');
        k.pay(s, k.member(s, 0), 'TK', wholeYear, { amount: 80_000 });
        k.expect('R09', k.member(s, 0).id, 'TK', '800 yuan a month (standard 730)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 39);
        const who = k.member(s, 0);
        k.certificate(s, who, d(k.year - 2, 5, 5));
        k.pay(s, who, 'CJ', wholeYear, { amount: 26_000 });
        k.expect('R09', who.id, 'CJ', '260 yuan a month (standard 180)');
      },
    },
    {
      run: (k) => {
        const s = k.family(k.village(), 41, 1);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, { amount: 90_000, size: 1 });
        k.expect('R09', k.member(s, 0).id, 'DB', '900 yuan a month entered as covering one person');
      },
    },
  ]);
}

function r09Near(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.family(k.village(), 44, 1);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, { amount: 56_000 * 3 });
        k.near('R09', k.member(s, 0).id, 'DB', 'exactly the standard: 560 × 3');
      },
    },
  ]);
}

function r10(kit: CaseKit, count: number): void {
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const s = k.single(v, 85, '女');
        const neighbour = k.single(v, 46);
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { holder: k.member(neighbour, 0) });
        k.expect('R10', k.member(s, 0).id, 'GL', "paid into a neighbour's account");
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.couple(v, 59);
        let holder = k.member(k.single(v, 33), 0);
        while (s.household.members.some((m) => m.name === holder.name))
          holder = k.member(k.single(v, 34), 0);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, { holder, holderId: '' });
        k.expect(
          'R10',
          k.member(s, 0).id,
          'DB',
          'account holder named (no ID number) is not in the household',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const husband = k.spec('户主', '男', 84);
        const a = k.household(v, [husband, k.spec('配偶', '女', 82)]);
        const b = k.single(v, 82, '女');
        const holder = k.member(a, 0);
        k.pay(a, holder, 'GL', wholeYear);
        k.pay(a, k.member(a, 1), 'GL', wholeYear, { holder });
        k.pay(b, k.member(b, 0), 'GL', wholeYear, { holder });
        k.expect(
          'R10',
          holder.id,
          'GL',
          "his account also receives a neighbour household's allowance (3 beneficiaries, 2 households)",
        );
        k.expect(
          'R10',
          k.member(a, 1).id,
          'GL',
          'account shared with another household (3 beneficiaries, 2 households)',
        );
        k.expect('R10', k.member(b, 0).id, 'GL', "paid into another household's account");
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const agent = k.single(v, 41);
        for (const age of [66, 71, 75]) {
          const s = k.single(v, age, age === 71 ? '女' : '男');
          k.pay(s, k.member(s, 0), 'YL', wholeYear, { holder: k.member(agent, 0) });
          k.expect(
            'R10',
            k.member(s, 0).id,
            'YL',
            "pension of three households paid into one agent's account",
          );
        }
      },
    },
  ]);
}

function r10Near(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const son = k.spec('户主', '男', 52);
        const s = k.household(k.village(), [son, k.spec('母', '女', 83)]);
        k.pay(s, k.member(s, 1), 'GL', wholeYear, { holder: k.member(s, 0) });
        k.near(
          'R10',
          k.member(s, 1).id,
          'GL',
          "paid into her son's account; he lives in her household",
        );
      },
    },
    {
      run: (k) => {
        const father = k.spec('户主', '男', 84);
        const s = k.household(k.village(), [
          father,
          k.spec('配偶', '女', 81),
          k.spec('子', '男', 52, father.surname),
        ]);
        const son = k.member(s, 2);
        k.certificate(s, son, `${k.year - 5}-08-08`);
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { holder: son });
        k.pay(s, k.member(s, 1), 'GL', wholeYear, { holder: son });
        k.pay(s, son, 'CJ', wholeYear);
        for (const m of s.household.members)
          k.near(
            'R10',
            m.id,
            m === son ? 'CJ' : 'GL',
            'one account for three members of one household',
          );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 70);
        k.pay(s, k.member(s, 0), 'YL', wholeYear, { holderId: '' });
        k.near(
          'R10',
          k.member(s, 0).id,
          'YL',
          'account holder ID left empty; holder name is the beneficiary',
        );
      },
    },
  ]);
}

function r11(kit: CaseKit, count: number): void {
  const alter = (name: string): string => {
    const last = name.slice(-1);
    return name.slice(0, -1) + (last === '华' ? '明' : '华');
  };
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const ghost = k.unregistered('男', 62);
        const carrier = k.carrier(v);
        k.pay(carrier, ghost, 'DB', wholeYear, { size: 1 });
        k.expect('R11', ghost.id, 'DB', 'not in the household registry although the village is');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 57);
        const head = k.member(s, 0);
        k.pay(s, head, 'DB', wholeYear, { name: alter(head.name) });
        k.expect('R11', head.id, 'DB', `paid as ${alter(head.name)}, registered as ${head.name}`);
      },
    },
    {
      run: (k) => {
        const ghost = k.unregistered('女', 85);
        const carrier = k.carrier(k.village());
        k.pay(carrier, ghost, 'GL', wholeYear);
        k.expect('R11', ghost.id, 'GL', 'old-age allowance to a person not in the registry');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 66, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'YL', wholeYear, { name: alter(who.name), holderName: alter(who.name) });
        k.expect('R11', who.id, 'YL', `paid as ${alter(who.name)}, registered as ${who.name}`);
      },
    },
  ]);
}

function r11Near(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 58);
        const head = k.member(s, 0);
        const spaced = `${head.name.slice(0, 1)} ${head.name.slice(1)}`;
        k.pay(s, head, 'DB', wholeYear, { name: spaced });
        k.near('R11', head.id, 'DB', `name typed with a space: "${spaced}"`);
      },
    },
    {
      run: (k) => {
        const surname =
          surnamesWithTraditionalForm[k.expected.length % surnamesWithTraditionalForm.length]!;
        const s = k.household(k.village(), [k.spec('户主', '女', 82, surname)]);
        const who = k.member(s, 0);
        const written = traditionalForm(who.name.slice(0, 1)) + who.name.slice(1);
        k.pay(s, who, 'GL', wholeYear, { name: written });
        k.near(
          'R11',
          who.id,
          'GL',
          `surname in traditional characters: ${written} for ${who.name}`,
        );
      },
    },
    {
      run: (k) => {
        const empty = k.plan.emptyVillages[0];
        if (!empty) return;
        const ghost = k.unregistered('男', 64);
        const carrier = k.carrier(k.village());
        k.pay(carrier, ghost, 'DB', wholeYear, { size: 1 });
        const payments = carrier.rows.filter(([dataset]) => dataset === 'disbursements');
        for (const [, payment] of payments) payment.village_code = empty.code;
        k.near(
          'R11',
          ghost.id,
          'DB',
          `not in the registry, but the registry holds nobody of ${empty.name}`,
        );
      },
    },
  ]);
}

function r12(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 78);
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { amount: 10_000 });
        k.expect('R12', k.member(s, 0).id, 'GL', 'aged 78');
      },
    },
    {
      run: (k) => {
        const s = k.household(k.village(), [k.bornOn('户主', '女', d(y - 80, 9, 14))]);
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { amount: 10_000 });
        k.expect(
          'R12',
          k.member(s, 0).id,
          'GL',
          'turns 80 on 14 September, paid from January (hits January to August)',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 57);
        k.pay(s, k.member(s, 0), 'YL', wholeYear);
        k.expect('R12', k.member(s, 0).id, 'YL', 'pension at 57');
      },
    },
    {
      run: (k) => {
        const s = k.household(k.village(), [k.bornOn('户主', '男', d(y - 80, 12, 28))]);
        k.pay(s, k.member(s, 0), 'GL', [11, 12], { amount: 10_000 });
        k.expect('R12', k.member(s, 0).id, 'GL', 'turns 80 on 28 December, paid for November too');
      },
    },
  ]);
}

function r12Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.household(k.village(), [k.bornOn('户主', '男', d(y - 80, 3, 31))]);
        k.pay(s, k.member(s, 0), 'GL', months(3, 12), { amount: 10_000 });
        k.near(
          'R12',
          k.member(s, 0).id,
          'GL',
          'exactly 80 on 31 March, the last day of the first period paid',
        );
      },
    },
    {
      run: (k) => {
        const s = k.household(k.village(), [k.bornOn('户主', '女', d(y - 60, 7, 31))]);
        k.pay(s, k.member(s, 0), 'YL', months(7, 12));
        k.near(
          'R12',
          k.member(s, 0).id,
          'YL',
          'exactly 60 on 31 July, the last day of the first period paid',
        );
      },
    },
  ]);
}

function r13(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const s = k.family(v, 45, 1);
        const teacher = k.member(s, 0);
        k.payroll(s, teacher, `${v.township.name}中心小学`, wholeYear, 520_000);
        k.death(s, teacher, d(y, 5, 12), '火化');
        k.expect('R13', teacher.id, null, 'teacher died 12 May; salary paid June to December');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.couple(v, 52);
        const who = k.member(s, 0);
        k.official(s, who, {
          organisation: `${v.township.name}林业站`,
          position: '站长',
          category: '事业人员',
          jurisdiction: v.township.code,
          start: d(y - 10, 3, 1),
          statePaid: true,
          autoPayroll: false,
        });
        k.payroll(s, who, `${v.township.name}林业站`, wholeYear, 610_000);
        k.death(s, who, d(y, 8, 3), '死亡医学证明');
        k.expect(
          'R13',
          who.id,
          null,
          'forestry station head died 3 August; salary paid September to December',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 56);
        const who = k.member(s, 0);
        who.status = '死亡注销';
        k.payroll(s, who, `${plan.countyName}水利局`, wholeYear, 470_000);
        k.death(s, who, d(y - 1, 10, 15), '户籍注销');
        k.expect('R13', who.id, null, 'died last October; salary paid all year');
      },
    },
  ]);
}

function r13Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 57);
        const who = k.member(s, 0);
        k.payroll(s, who, `${k.plan.countyName}第二中学`, months(1, 6), 530_000);
        k.death(s, who, d(y, 6, 20), '火化');
        k.near('R13', who.id, null, 'died 20 June; last salary for June');
      },
    },
  ]);
}

function r16(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 47);
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.expect('R16', k.member(s, 0).id, 'CJ', 'no disability certificate at all');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 63, '女');
        k.certificate(s, k.member(s, 0), d(y - 11, 1, 5), d(y - 1, 1, 4));
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.expect('R16', k.member(s, 0).id, 'CJ', 'certificate expired on 4 January last year');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 35);
        k.certificate(s, k.member(s, 0), d(y, 6, 15));
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.expect(
          'R16',
          k.member(s, 0).id,
          'CJ',
          'certificate issued 15 June, paid from January (hits January to May)',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 58);
        k.certificate(s, k.member(s, 0), d(y - 9, 6, 1), d(y, 5, 31));
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.expect(
          'R16',
          k.member(s, 0).id,
          'CJ',
          'certificate valid until 31 May (hits June to December)',
        );
      },
    },
  ]);
}

function r16Near(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 49);
        k.certificate(s, k.member(s, 0), d(y - 3, 4, 10));
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.near(
          'R16',
          k.member(s, 0).id,
          'CJ',
          'certificate issued three years ago, valid through the year',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 29, '女');
        k.certificate(s, k.member(s, 0), d(y, 3, 31));
        k.pay(s, k.member(s, 0), 'CJ', months(3, 12));
        k.near(
          'R16',
          k.member(s, 0).id,
          'CJ',
          'certificate issued 31 March, the last day of the first period paid',
        );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 61);
        k.certificate(s, k.member(s, 0), d(y - 9, 12, 2), d(y, 12, 1));
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.near(
          'R16',
          k.member(s, 0).id,
          'CJ',
          'certificate valid until 1 December, the first day of the last period paid',
        );
      },
    },
  ]);
}

/** The officials who handle the overdue (and near-miss) applications, all different people. */
function approvalHandlers(kit: CaseKit): () => Official | null {
  const pool: Official[] = [];
  const villages = kit.plan.villages;
  for (let round = 0; round < 3; round += 1)
    for (const v of villages) pool.push(v.cadres[(round + 2) % 3]!);
  let next = 0;
  return () => pool[next++] ?? null;
}

function r14(kit: CaseKit, count: number, nearCount: number): void {
  const y = kit.year;
  const today = kit.plan.today;
  const nextHandler = approvalHandlers(kit);
  const organisations = new Set<string>();
  const item = '农村建房村级审查';
  const applicant = (v: Village): Special => kit.single(v, 38);
  const variants: ((v: Village, handler: Official) => boolean)[] = [
    (v, h) => {
      const received = workingDayFrom(d(y, 3, 4));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: h.person.id,
        received,
        decided: addWorkingDays(received, 25),
        limit: 10,
      });
      kit.expect('R14', h.person.id, null, 'decided after 25 working days (limit 10)');
      return true;
    },
    (v, h) => {
      const received = workingDayFrom(d(y, 10, 8));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: h.person.id,
        received,
        decided: '',
        limit: 10,
      });
      kit.expect(
        'R14',
        h.person.id,
        null,
        `open since ${received}, ${workingDaysBetween(received, today)} working days to today (limit 10)`,
      );
      return true;
    },
    (v) => {
      const organisation = `${v.township.name}${v.committee}`;
      if (organisations.has(organisation)) return false;
      organisations.add(organisation);
      const received = workingDayFrom(d(y, 5, 6));
      kit.approval(applicant(v), {
        item: '村级证明开具',
        organisation,
        handlerId: '',
        received,
        decided: addWorkingDays(received, 20),
        limit: 5,
      });
      kit.expect(
        'R14',
        organisation,
        null,
        'no handler recorded: 20 working days for a 5-day certificate',
      );
      return true;
    },
    (v, h) => {
      const received = workingDayFrom(d(y, 8, 1));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: h.person.id,
        received,
        decided: addWorkingDays(received, 11),
        limit: 10,
      });
      kit.expect('R14', h.person.id, null, 'decided one working day late (11 of 10)');
      return true;
    },
  ];
  let done = 0;
  for (let i = 0; done < Math.max(count, variants.length) && i < count * 4 + 8; i += 1) {
    const handler = nextHandler();
    if (!handler) break;
    const v = handler.household.village;
    if (variants[i % variants.length]!(v, handler)) done += 1;
  }
  for (let i = 0; i < nearCount; i += 1) {
    const exact = nextHandler();
    if (exact) {
      const v = exact.household.village;
      const received = workingDayFrom(d(y, 7, 8));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: exact.person.id,
        received,
        decided: addWorkingDays(received, 10),
        limit: 10,
      });
      kit.near('R14', exact.person.id, null, 'decided on the 10th working day of a 10-day limit');
    }
    const open = nextHandler();
    if (open) {
      const v = open.household.village;
      let received = today;
      for (let left = 10; left > 0; received = addDays(received, -1))
        if (isWorkingDay(received)) left -= 1;
      while (!isWorkingDay(received)) received = addDays(received, -1);
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: open.person.id,
        received,
        decided: '',
        limit: 10,
      });
      kit.near(
        'R14',
        open.person.id,
        null,
        `open since ${received}: ${workingDaysBetween(received, today)} working days to today, limit 10`,
      );
    }
  }
  nationalDayCases(kit, nextHandler, applicant);
}

/**
 * Two applications around the year's National Day holiday that Monday to Friday would judge
 * the other way: one decided within its limit across the holiday, one late only because the
 * make-up Saturday or Sunday after the holiday counts. Years without official data get neither.
 */
function nationalDayCases(
  kit: CaseKit,
  nextHandler: () => Official | null,
  applicant: (v: Village) => Special,
): void {
  const y = kit.year;
  if (y < officialCalendar.firstYear || y > officialCalendar.lastYear) return;
  const item = '农村建房村级审查';
  const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const within = nextHandler();
  if (within) {
    const v = within.household.village;
    let received = addDays(d(y, 10, 1), -1);
    while (!isWorkingDay(received)) received = addDays(received, -1);
    const decided = addWorkingDays(received, 3);
    kit.approval(applicant(v), {
      item,
      organisation: v.committee,
      handlerId: within.person.id,
      received,
      decided,
      limit: 3,
    });
    kit.near(
      'R14',
      within.person.id,
      null,
      `received ${received}, decided ${decided}: 3 working days across the National Day holiday (limit 3)`,
    );
  }
  let makeUp = d(y, 10, 1);
  while (makeUp <= d(y, 10, 31) && !(weekend(makeUp) && isWorkingDay(makeUp)))
    makeUp = addDays(makeUp, 1);
  const late = makeUp <= d(y, 10, 31) ? nextHandler() : null;
  if (late) {
    const v = late.household.village;
    let received = addDays(makeUp, -1);
    while (!isWorkingDay(received)) received = addDays(received, -1);
    const decided = addWorkingDays(received, 3);
    kit.approval(applicant(v), {
      item,
      organisation: v.committee,
      handlerId: late.person.id,
      received,
      decided,
      limit: 2,
    });
    kit.expect(
      'R14',
      late.person.id,
      null,
      `received ${received}, decided ${decided}: 3 working days with the make-up day ${makeUp} (limit 2)`,
    );
  }
}

/** Injects every case but R15's; returns the kit holding the expected warnings. */
export function injectCases(kit: CaseKit): void {
  const people = kit.plan.options.people;
  const count = Math.max(3, Math.round(people * 0.0005));
  const nearCount = Math.max(1, Math.round(people / 100_000));
  r01(kit, count);
  r01Near(kit, nearCount);
  r02(kit, count);
  r02Near(kit, nearCount);
  r03(kit, count);
  r03Near(kit, nearCount);
  r04(kit, count);
  r04Near(kit, nearCount);
  r05(kit, count);
  r05Near(kit, nearCount);
  r06(kit, count);
  r06Near(kit, nearCount);
  r07(kit, count);
  r07Near(kit, nearCount);
  r08(kit, count);
  r08Near(kit, nearCount);
  r09(kit, count);
  r09Near(kit, nearCount);
  r10(kit, count);
  r10Near(kit, nearCount);
  r11(kit, count);
  r11Near(kit, nearCount);
  r12(kit, count);
  r12Near(kit, nearCount);
  r13(kit, count);
  r13Near(kit, nearCount);
  r14(kit, count, nearCount);
  r16(kit, count);
  r16Near(kit, nearCount);
}
