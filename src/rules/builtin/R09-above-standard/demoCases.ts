import { type CaseKit, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
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
        k.certificate(s, who, isoDate(k.year - 2, 5, 5));
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

function nearMisses(kit: CaseKit, count: number): void {
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

/** R09's injected cases and near misses. */
export const R09DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
