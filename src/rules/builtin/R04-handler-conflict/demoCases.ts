import { type CaseKit, wholeYear } from '../../../demo/caseKit.js';
import type { Special } from '../../../demo/countyPlan.js';
import {
  type RuleDemoCases,
  isoDate,
  runCases,
  runNear,
  villageOfficial,
} from '../../../demo/ruleCases.js';
import type { Official, Village } from '../../../demo/world.js';

/** A fresh township assistant who handles the payments of one case. */
function assistant(
  kit: CaseKit,
  village: Village,
  surname?: string,
): { special: Special; official: Official } {
  const special = kit.household(village, [
    kit.spec('户主', '男', 40, surname),
    kit.spec('配偶', '女', 38),
  ]);
  const official = kit.official(special, kit.member(special, 0), {
    organisation: `${village.township.name}人民政府`,
    position: '社会救助协理员',
    category: '其他',
    jurisdiction: village.township.code,
    start: isoDate(kit.year - 2, 4, 1),
    statePaid: false,
  });
  return { special, official };
}

function cases(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const { official } = assistant(k, v);
        const s = k.single(v, 84, '女');
        plan.declare(official, k.member(s, 0), '父母');
        k.pay(s, k.member(s, 0), 'GL', wholeYear, { handler: official.person });
        k.expect(
          'R04',
          k.member(s, 0).id,
          'GL',
          'paid by a handler who declared her as his mother',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.household(v, [
          k.spec('户主', '男', 42),
          k.spec('配偶', '女', 40),
          k.spec('父', '男', 71),
        ]);
        const official = k.official(s, k.member(s, 0), {
          organisation: `${v.township.name}人民政府`,
          position: '社会救助协理员',
          category: '其他',
          jurisdiction: v.township.code,
          start: isoDate(y - 2, 4, 1),
          statePaid: false,
        });
        plan.declareHousehold(official);
        const father = k.member(s, 2);
        k.certificate(s, father, isoDate(y - 4, 10, 12));
        k.pay(s, father, 'CJ', wholeYear, { handler: official.person });
        k.expect('R04', father.id, 'CJ', 'handled by his son, in the same household');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const { special, official } = assistant(k, v);
        k.pay(special, official.person, 'GD', [6], { handler: official.person });
        k.expect('R04', official.person.id, 'GD', 'the handler paid himself the farmland subsidy');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const c = k.couple(v, 47);
        const cadre = villageOfficial(k, c, k.member(c, 0), v, '村委会委员', isoDate(y - 3, 1, 16));
        const { official } = assistant(k, v, k.member(c, 0).name.slice(0, 1));
        plan.declare(cadre, official.person, '兄弟姐妹');
        k.pay(c, cadre.person, 'GD', [6], { handler: official.person });
        k.expect(
          'R04',
          cadre.person.id,
          'GD',
          'the beneficiary declared the handler as his brother (relation the other way)',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const { official } = assistant(k, v);
        const s = k.single(v, 58);
        k.pay(s, k.member(s, 0), 'DB', wholeYear, {
          handler: official.person,
          holder: official.person,
        });
        k.expect('R04', k.member(s, 0).id, 'DB', "paid into the handler's own account");
        k.expect(
          'R10',
          k.member(s, 0).id,
          'DB',
          'paid into the account of the handler, not of the household',
        );
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  runNear(kit, count, [
    {
      needs: 'townships',
      run: (k) => {
        const v = k.village();
        const { official } = assistant(k, v);
        const s = k.single(k.otherTownshipVillage(v)!, 83, '女');
        plan.declare(official, k.member(s, 0), '父母');
        k.pay(s, k.member(s, 0), 'GL', wholeYear);
        k.near(
          'R04',
          k.member(s, 0).id,
          'GL',
          "handler's mother in another township, paid by that township's handler",
        );
      },
    },
  ]);
}

/** R04's injected cases and near misses. */
export const R04DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
