import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 55);
        const head = k.member(s, 0);
        k.vehicle(s, head, '小型轿车', isoDate(y - 3, 5, 10));
        k.pay(s, head, 'DB', wholeYear);
        k.expect('R05', head.id, 'DB', 'owns a 小型轿车 registered three years ago');
      },
    },
    {
      run: (k) => {
        const s = k.family(k.village(), 45, 1);
        k.vehicle(s, k.member(s, 1), '轻型货车', isoDate(y - 2, 9, 1));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R05', k.member(s, 0).id, 'DB', 'his wife owns a 轻型货车');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const head = k.spec('户主', '男', 60);
        const s = k.household(v, [head, k.spec('子', '男', 32, head.surname)]);
        k.vehicle(s, k.member(s, 1), '小型普通客车', isoDate(y, 6, 15));
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
        k.vehicle(s, k.member(s, 0), '小型轿车', isoDate(y - 4, 3, 3), isoDate(y, 4, 10));
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
        k.vehicle(s, k.member(s, 1), '小型轿车', isoDate(y - 1, 7, 7));
        k.pay(s, k.member(s, 0), 'LS', [9]);
        k.expect('R05', k.member(s, 0).id, 'LS', 'temporary relief while his wife owns a car');
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
        k.vehicle(s, k.member(s, 0), '三轮汽车', isoDate(y - 5, 4, 2));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R05', k.member(s, 0).id, 'DB', 'owns a 三轮汽车 (exempt)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 46);
        k.vehicle(s, k.member(s, 0), '摩托车', isoDate(y - 2, 8, 19));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R05', k.member(s, 0).id, 'DB', 'owns a 摩托车 (exempt)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 52);
        k.vehicle(s, k.member(s, 0), '小型轿车', isoDate(y - 7, 6, 6), isoDate(y - 1, 12, 20));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R05', k.member(s, 0).id, 'DB', 'car cancelled last December, before the payments');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 50);
        k.vehicle(s, k.member(s, 1), '小型轿车', isoDate(y, 8, 5));
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

/** R05's injected cases and near misses. */
export const R05DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
