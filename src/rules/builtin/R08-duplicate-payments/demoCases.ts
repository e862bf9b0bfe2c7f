import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
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

function nearMisses(kit: CaseKit, count: number): void {
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

/** R08's injected cases and near misses. */
export const R08DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
