import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const s = k.family(v, 45, 1);
        const teacher = k.member(s, 0);
        k.payroll(s, teacher, `${v.township.name}中心小学`, wholeYear, 520_000);
        k.death(s, teacher, isoDate(y, 5, 12), '火化');
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
          start: isoDate(y - 10, 3, 1),
          statePaid: true,
          autoPayroll: false,
        });
        k.payroll(s, who, `${v.township.name}林业站`, wholeYear, 610_000);
        k.death(s, who, isoDate(y, 8, 3), '死亡医学证明');
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
        k.death(s, who, isoDate(y - 1, 10, 15), '户籍注销');
        k.expect('R13', who.id, null, 'died last October; salary paid all year');
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 57);
        const who = k.member(s, 0);
        k.payroll(s, who, `${k.plan.countyName}第二中学`, months(1, 6), 530_000);
        k.death(s, who, isoDate(y, 6, 20), '火化');
        k.near('R13', who.id, null, 'died 20 June; last salary for June');
      },
    },
  ]);
}

/** R13's injected cases and near misses. */
export const R13DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
