import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
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
          start: isoDate(k.year - 2, 3, 1),
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

function nearMisses(kit: CaseKit, count: number): void {
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

/** R02's injected cases and near misses. */
export const R02DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
