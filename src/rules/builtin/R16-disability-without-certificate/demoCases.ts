import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, isoDate, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
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
        k.certificate(s, k.member(s, 0), isoDate(y - 11, 1, 5), isoDate(y - 1, 1, 4));
        k.pay(s, k.member(s, 0), 'CJ', wholeYear);
        k.expect('R16', k.member(s, 0).id, 'CJ', 'certificate expired on 4 January last year');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 35);
        k.certificate(s, k.member(s, 0), isoDate(y, 6, 15));
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
        k.certificate(s, k.member(s, 0), isoDate(y - 9, 6, 1), isoDate(y, 5, 31));
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

function nearMisses(kit: CaseKit, count: number): void {
  const y = kit.year;
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.single(k.village(), 49);
        k.certificate(s, k.member(s, 0), isoDate(y - 3, 4, 10));
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
        k.certificate(s, k.member(s, 0), isoDate(y, 3, 31));
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
        k.certificate(s, k.member(s, 0), isoDate(y - 9, 12, 2), isoDate(y, 12, 1));
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

/** R16's injected cases and near misses. */
export const R16DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
