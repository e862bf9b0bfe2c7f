import { type CaseKit, wholeYear } from '../../../demo/caseKit.js';
import { surnamesWithTraditionalForm, traditionalForm } from '../../../demo/names.js';
import { type RuleDemoCases, runCases, runNear } from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const alter = (name: string): string => {
    const last = name.slice(-1);
    return name.slice(0, -1) + (last === '华' ? '明' : '华');
  };
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const ghost = k.unregistered('男', 62);
        const carrier = k.carrier(v);
        k.pay(carrier, ghost, 'DB', wholeYear, { size: 1 });
        k.expect('R11', ghost.id, 'DB', 'not in the household registry although the village is');
      },
    },
    {
      run: (k) => {
        const s = k.couple(k.village(), 57);
        const head = k.member(s, 0);
        k.pay(s, head, 'DB', wholeYear, { name: alter(head.name) });
        k.expect('R11', head.id, 'DB', `paid as ${alter(head.name)}, registered as ${head.name}`);
      },
    },
    {
      run: (k) => {
        const ghost = k.unregistered('女', 85);
        const carrier = k.carrier(k.village());
        k.pay(carrier, ghost, 'GL', wholeYear);
        k.expect('R11', ghost.id, 'GL', 'old-age allowance to a person not in the registry');
      },
    },
    {
      run: (k) => {
        const s = k.single(k.village(), 66, '女');
        const who = k.member(s, 0);
        k.pay(s, who, 'YL', wholeYear, { name: alter(who.name), holderName: alter(who.name) });
        k.expect('R11', who.id, 'YL', `paid as ${alter(who.name)}, registered as ${who.name}`);
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  runNear(kit, count, [
    {
      run: (k) => {
        const s = k.couple(k.village(), 58);
        const head = k.member(s, 0);
        const spaced = `${head.name.slice(0, 1)} ${head.name.slice(1)}`;
        k.pay(s, head, 'DB', wholeYear, { name: spaced });
        k.near('R11', head.id, 'DB', `name typed with a space: "${spaced}"`);
      },
    },
    {
      run: (k) => {
        const surname =
          surnamesWithTraditionalForm[k.expected.length % surnamesWithTraditionalForm.length]!;
        const s = k.household(k.village(), [k.spec('户主', '女', 82, surname)]);
        const who = k.member(s, 0);
        const written = traditionalForm(who.name.slice(0, 1)) + who.name.slice(1);
        k.pay(s, who, 'GL', wholeYear, { name: written });
        k.near(
          'R11',
          who.id,
          'GL',
          `surname in traditional characters: ${written} for ${who.name}`,
        );
      },
    },
    {
      run: (k) => {
        const empty = k.plan.emptyVillages[0];
        if (!empty) return;
        const ghost = k.unregistered('男', 64);
        const carrier = k.carrier(k.village());
        k.pay(carrier, ghost, 'DB', wholeYear, { size: 1 });
        const payments = carrier.rows.filter(([dataset]) => dataset === 'disbursements');
        for (const [, payment] of payments) payment.village_code = empty.code;
        k.near(
          'R11',
          ghost.id,
          'DB',
          `not in the registry, but the registry holds nobody of ${empty.name}`,
        );
      },
    },
  ]);
}

/** R11's injected cases and near misses. */
export const R11DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
