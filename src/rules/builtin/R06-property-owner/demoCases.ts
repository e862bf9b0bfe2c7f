import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 56);
        k.property(s, k.member(s, 0), '商业', isoDate(y - 5, 11, 2), 60);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', 'owns a shop (商业)');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 49);
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 12, 3, 8));
        k.property(s, k.member(s, 1), '住宅', isoDate(y - 2, 10, 20), 89);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', "two homes in the household: his and his wife's");
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 61);
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 20, 6, 1));
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 3, 6, 1), 95);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', 'owns two homes');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 53);
        k.property(s, k.member(s, 1), '办公', isoDate(y - 4, 2, 14), 45);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R06', k.member(s, 0).id, 'DB', 'his wife owns an office (办公)');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 58);
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 15, 9, 9));
        k.property(s, k.member(s, 0), '住宅', isoDate(y, 8, 1), 88);
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

function nearMisses(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 62);
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 18, 5, 5));
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R06', k.member(s, 0).id, 'DB', 'one home only');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 64);
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 22, 5, 5));
        k.property(s, k.member(s, 0), '其他', isoDate(y - 6, 7, 5), 20);
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R06', k.member(s, 0).id, 'DB', 'one home and one outbuilding of usage 其他');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 51);
        k.property(s, k.member(s, 0), '住宅', isoDate(y - 9, 1, 20));
        k.property(s, k.member(s, 1), '住宅', isoDate(y, 10, 8), 90);
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

/** R06's injected cases and near misses. */
export const R06DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
