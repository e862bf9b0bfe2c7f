import { type CaseKit, wholeYear } from '../../../demo/caseKit.js';
import { type RuleDemoCases, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const s = k.single(v, 85, '女');
        const neighbour = k.single(v, 46);
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { holder: k.member(neighbour, 0) });
        k.expect('R10', k.member(s, 0).id, 'GL', "paid into a neighbour's account");
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.couple(v, 59);
        let holder = k.member(k.single(v, 33), 0);
        while (s.household.members.some((m) => m.name === holder.name))
          holder = k.member(k.single(v, 34), 0);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, { holder, holderId: '' });
        k.expect(
          'R10',
          k.member(s, 0).id,
          'DB',
          'account holder named (no ID number) is not in the household',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const husband = k.spec('户主', '男', 84);
        const a = k.household(v, [husband, k.spec('配偶', '女', 82)]);
        const b = k.single(v, 82, '女');
        const holder = k.member(a, 0);
        k.pay(a, holder, 'GL', wholeYear);
        k.pay(a, k.member(a, 1), 'GL', wholeYear, { holder });
        k.pay(b, k.member(b, 0), 'GL', wholeYear, { holder });
        k.expect(
          'R10',
          holder.id,
          'GL',
          "his account also receives a neighbour household's allowance (3 beneficiaries, 2 households)",
        );
        k.expect(
          'R10',
          k.member(a, 1).id,
          'GL',
          'account shared with another household (3 beneficiaries, 2 households)',
        );
        k.expect('R10', k.member(b, 0).id, 'GL', "paid into another household's account");
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const agent = k.single(v, 41);
        for (const age of [66, 71, 75]) {
          const s = k.single(v, age, age === 71 ? '女' : '男');
          k.pay(s, k.member(s, 0), 'YL', wholeYear, { holder: k.member(agent, 0) });
          k.expect(
            'R10',
            k.member(s, 0).id,
            'YL',
            "pension of three households paid into one agent's account",
          );
        }
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const son = k.spec('户主', '男', 52);
        const s = k.household(k.village(), [son, k.spec('母', '女', 83)]);
        k.pay(s, k.member(s, 1), 'GL', wholeYear, { holder: k.member(s, 0) });
        k.near(
          'R10',
          k.member(s, 1).id,
          'GL',
          "paid into her son's account; he lives in her household",
        );
      },
    },
    {
      run: (k) => {
        const father = k.spec('户主', '男', 84);
        const s = k.household(k.village(), [
          father,
          k.spec('配偶', '女', 81),
          k.spec('子', '男', 52, father.surname),
        ]);
        const son = k.member(s, 2);
        k.certificate(s, son, `${k.year - 5}-08-08`);
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { holder: son });
        k.pay(s, k.member(s, 1), 'GL', wholeYear, { holder: son });
        k.pay(s, son, 'CJ', wholeYear);
        for (const m of s.household.members)
          k.near(
            'R10',
            m.id,
            m === son ? 'CJ' : 'GL',
            'one account for three members of one household',
          );
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 70);
        k.pay(s, k.member(s, 0), 'YL', wholeYear, { holderId: '' });
        k.near(
          'R10',
          k.member(s, 0).id,
          'YL',
          'account holder ID left empty; holder name is the beneficiary',
        );
      },
    },
  ]);
}

/** R10's injected cases and near misses. */
export const R10DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
