import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 72);
        const head = k.member(s, 0);
        k.pay(s, head, 'DB', wholeYear);
        k.death(s, head, isoDate(y, 3, 14), '火化');
        k.expect('R01', head.id, 'DB', 'died in March; 低保 still paid April to December');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 86, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'GL', months(1, 6));
        k.death(s, who, isoDate(y - 1, 11, 20), '死亡医学证明');
        k.expect('R01', who.id, 'GL', 'died last November; 高龄津贴 paid January to June');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 70);
        const head = k.member(s, 0);
        k.pay(s, head, 'YL', months(1, 8));
        k.death(s, head, isoDate(y, 5, 2), '火化');
        k.death(s, head, isoDate(y, 4, 28), '死亡医学证明');
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
        k.certificate(s, who, isoDate(y - 3, 4, 9));
        k.pay(s, who, 'CJ', months(1, 9));
        k.death(s, who, isoDate(y, 6, 15), '火化');
        k.expect('R01', who.id, 'CJ', 'died in June; disability allowance paid July to September');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 77);
        const who = k.member(s, 0);
        k.pay(s, who, 'TK', wholeYear);
        k.death(s, who, isoDate(y, 2, 3), '火化');
        k.expect('R01', who.id, 'TK', 'died in February; 特困 support paid March to December');
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 86);
        const who = k.member(s, 0);
        k.pay(s, who, 'GL', months(1, 5));
        k.death(s, who, isoDate(y, 5, 20), '火化');
        k.near('R01', who.id, 'GL', 'died 20 May, last payment for May (same month)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 66, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'DB', months(1, 9));
        k.death(s, who, isoDate(y, 9, 2), '死亡医学证明');
        k.near('R01', who.id, 'DB', 'died 2 September, 低保 paid up to September only');
      },
    },
  ]);
}

/** R01's injected cases and near misses. */
export const R01DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
