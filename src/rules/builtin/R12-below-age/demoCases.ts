import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
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
        const s = k.household(k.village(), [k.bornOn('户主', '女', isoDate(y - 80, 9, 14))]);
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
        const s = k.household(k.village(), [k.bornOn('户主', '男', isoDate(y - 80, 12, 28))]);
        k.pay(s, k.member(s, 0), 'GL', [11, 12], { amount: 10_000 });
        k.expect('R12', k.member(s, 0).id, 'GL', 'turns 80 on 28 December, paid for November too');
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.household(k.village(), [k.bornOn('户主', '男', isoDate(y - 80, 3, 31))]);
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
        const s = k.household(k.village(), [k.bornOn('户主', '女', isoDate(y - 60, 7, 31))]);
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

/** R12's injected cases and near misses. */
export const R12DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
