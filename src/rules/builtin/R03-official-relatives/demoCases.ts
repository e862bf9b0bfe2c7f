import { type CaseKit, months, wholeYear } from '../../../demo/caseKit.js';
import {
  type RuleDemoCases,
  isoDate,
  runCases,
  runNear,
  villageOfficial,
} from '../../../demo/ruleCases.js';

function cases(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  const start = isoDate(y - 3, 1, 16);
  runCases(kit, count, [
    {
      run: (k) => {
        const v = k.village();
        const o = k.couple(v, 52);
        const official = villageOfficial(k, o, k.member(o, 0), v, '村务监督委员会主任', start);
        const surname = k.member(o, 0).name.slice(0, 1);
        const s = k.household(v, [k.spec('户主', '男', 55, surname), k.spec('配偶', '女', 53)]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect(
          'R03',
          k.member(s, 0).id,
          'DB',
          'brother of the village supervisory committee chair',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.family(v, 45, 1);
        const official = villageOfficial(k, s, k.member(s, 0), v, '村委会委员', start);
        plan.declareHousehold(official);
        const wife = k.member(s, 1);
        k.pay(s, wife, 'DB', wholeYear);
        k.expect('R03', wife.id, 'DB', 'wife (same household) of a village committee member');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const s = k.single(v, 55);
        const who = k.member(s, 0);
        villageOfficial(k, s, who, v, '村民小组长', start);
        k.pay(s, who, 'DB', wholeYear);
        k.expect('R03', who.id, 'DB', 'the beneficiary is himself a 村民小组长 of the village');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.couple(v.township.villages[0]!, 41);
        const official = k.official(o, k.member(o, 0), {
          organisation: `${v.township.name}人民政府`,
          position: '副乡镇长',
          category: '公务员',
          jurisdiction: v.township.code,
          start: isoDate(y - 4, 9, 1),
          statePaid: true,
        });
        const s = k.single(v, 47, '女');
        plan.declare(official, k.member(s, 0), '特定关系人');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R03', k.member(s, 0).id, 'DB', '特定关系人 of a deputy township head');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 44);
        const official = villageOfficial(k, o, k.member(o, 0), v, '村委会委员', isoDate(y, 7, 1));
        const sister = k.spec('配偶', '女', 46, k.member(o, 0).name.slice(0, 1));
        const s = k.household(v, [k.spec('户主', '男', 48), sister]);
        plan.declare(official, k.member(s, 1), '兄弟姐妹');
        k.pay(s, k.member(s, 1), 'DB', wholeYear);
        k.expect(
          'R03',
          k.member(s, 1).id,
          'DB',
          'sister of a committee member in office from July (hits July to December)',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.couple(v, 39);
        const official = k.official(o, k.member(o, 0), {
          organisation: `${plan.countyName}民政局`,
          position: '科员',
          category: '公务员',
          jurisdiction: plan.countyCode,
          start: isoDate(y - 6, 8, 1),
          statePaid: true,
        });
        const s = k.single(k.village(), 70);
        plan.declare(official, k.member(s, 0), '配偶父母');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.expect('R03', k.member(s, 0).id, 'DB', 'father-in-law of a county civil affairs officer');
      },
    },
  ]);
}

function nearMisses(kit: CaseKit, count: number): void {
  const plan = kit.plan;
  const y = kit.year;
  runNear(kit, count, [
    {
      needs: 'villages',
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 50);
        const official = villageOfficial(
          k,
          o,
          k.member(o, 0),
          v,
          '村委会委员',
          isoDate(y - 3, 1, 16),
        );
        const s = k.household(k.otherVillage(v)!, [
          k.spec('户主', '男', 53, k.member(o, 0).name.slice(0, 1)),
        ]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R03', k.member(s, 0).id, 'DB', 'brother of a committee member of another village');
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 63);
        const official = villageOfficial(
          k,
          o,
          k.member(o, 0),
          v,
          '村委会主任',
          isoDate(y - 6, 1, 10),
          isoDate(y - 1, 12, 31),
        );
        const s = k.household(v, [k.spec('户主', '男', 60, k.member(o, 0).name.slice(0, 1))]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near(
          'R03',
          k.member(s, 0).id,
          'DB',
          'brother of a former village head whose term ended last December',
        );
      },
    },
    {
      run: (k) => {
        const v = k.village();
        const o = k.single(v, 58);
        const official = villageOfficial(
          k,
          o,
          k.member(o, 0),
          v,
          '村会计',
          isoDate(y - 3, 1, 16),
          isoDate(y, 3, 31),
        );
        const s = k.household(v, [k.spec('户主', '女', 55, k.member(o, 0).name.slice(0, 1))]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', months(4, 12));
        k.near(
          'R03',
          k.member(s, 0).id,
          'DB',
          'sister of a village accountant who left on 31 March; paid from April',
        );
      },
    },
    {
      needs: 'townships',
      run: (k) => {
        const v = k.village();
        const o = k.couple(v, 36);
        const official = k.official(o, k.member(o, 0), {
          organisation: `${v.township.name}人民政府`,
          position: '党政办主任',
          category: '公务员',
          jurisdiction: v.township.code,
          start: isoDate(y - 5, 5, 1),
          statePaid: true,
        });
        const s = k.household(k.otherTownshipVillage(v)!, [
          k.spec('户主', '男', 40, k.member(o, 0).name.slice(0, 1)),
        ]);
        plan.declare(official, k.member(s, 0), '兄弟姐妹');
        k.pay(s, k.member(s, 0), 'DB', wholeYear);
        k.near('R03', k.member(s, 0).id, 'DB', 'brother of a township officer of another township');
        k.near(
          'R02',
          k.member(s, 0).id,
          'DB',
          'brother of a state-paid officer, in another household',
        );
      },
    },
  ]);
}

/** R03's injected cases and near misses. */
export const R03DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => {
    cases(kit, count);
    nearMisses(kit, nearCount);
  },
};
