import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 46);
        k.business(s, k.member(s, 0), [], isoDate(y - 3, 3, 18), '存续');
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
          isoDate(y - 2, 7, 1),
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
        k.business(s, k.member(s, 1), [], isoDate(y, 5, 20), '存续');
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
        k.business(s, k.member(s, 0), [], isoDate(y - 6, 4, 1), '注销', isoDate(y, 4, 15));
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

function nearMisses(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 57);
        k.business(s, k.member(s, 0), [], isoDate(y - 5, 6, 1), '注销', isoDate(y - 1, 9, 30));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R07', k.member(s, 0).id, 'DB', 'shop closed last September, before the payments');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 45);
        k.business(s, k.member(s, 0), [], isoDate(y, 10, 10), '存续');
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

/** R07's injected cases and near misses. */
export const R07DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
