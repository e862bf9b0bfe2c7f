import { sql } from 'kysely';
import type { BuiltinRule } from '../builtinRule.js';
import { distinct, listed, paidTail } from '../explainText.js';
import {
  normalResidents,
  paymentHit,
  paymentsWithHousehold,
  type RuleContext,
} from '../ruleContext.js';

/** Every live payment with its household (coalesced to the person): for account sharing. */
function allPaymentHouseholds(): ReturnType<typeof sql> {
  return sql`(select d.bank_account, d.period, d.id_number,
      coalesce(r.household_id, d.household_id, 'P:' || d.id_number) as hk
    from ds_disbursements d
    left join ds_residents r on r.live = 1 and r.status = '正常' and r.id_number = d.id_number
    where d.live = 1)`;
}

function threshold(ctx: RuleContext, name: string, fallback: number): number {
  const value = ctx.params[name];
  return typeof value === 'number' ? value : fallback;
}

/**
 * R10 代领冒领: paid into an account whose holder (by ID number, or by name when it has none)
 * is neither the beneficiary nor of their household; or an account receiving payments for the
 * same month for 3 or more beneficiaries from 2 or more households. Names are compared
 * folded (spaces, full width, traditional characters); a holder whose name only sounds the
 * same (pinyin) counts as the same person. Evidence names who the holder probably is, marking
 * a pinyin match as fuzzy.
 */
export const R10: BuiltinRule = {
  code: 'R10',
  name: { zh: '代领冒领', en: 'Paid into another’s account' },
  severity: '中',
  params: { minBeneficiaries: 3, minHouseholds: 2 },
  economic: true,
  queries: (ctx) => {
    const pays = paymentsWithHousehold(ctx);
    return [
      sql`${paymentHit('R10', 'p', {
        fact_kind: 'holder_id',
        fact_ref: sql`p.bank_account`,
        fact_text: sql`p.account_holder`,
        related_id: sql`p.account_holder_id_number`,
        related_name: sql`p.account_holder`,
      })}
      from ${pays} p
      where p.account_holder_id_number is not null and p.account_holder_id_number <> p.id_number
        and not exists (select 1 from ${normalResidents} m where m.household_id = p.hk and m.id_number = p.account_holder_id_number)`,
      sql`${paymentHit('R10', 'p', {
        fact_kind: 'holder_name',
        fact_ref: sql`p.bank_account`,
        fact_text: sql`p.account_holder`,
        related_id: sql`(select min(x.id_number) from ds_residents x where x.live = 1 and x.village_code = p.village_code
          and (x.name_fold = p.holder_fold or x.name_pinyin = p.holder_pinyin))`,
        related_name: sql`p.account_holder`,
        fuzzy: sql`case when exists (select 1 from ds_residents x where x.live = 1 and x.village_code = p.village_code
          and x.name_fold = p.holder_fold) then 0
          when exists (select 1 from ds_residents x where x.live = 1 and x.village_code = p.village_code
          and x.name_pinyin = p.holder_pinyin) then 1 else 0 end`,
      })}
      from ${pays} p
      where p.account_holder_id_number is null and p.holder_fold <> p.name_fold
        and not exists (select 1 from ds_residents b where b.live = 1 and b.id_number = p.id_number and b.name_pinyin = p.holder_pinyin)
        and not exists (select 1 from ${normalResidents} m where m.household_id = p.hk
          and (m.name_fold = p.holder_fold or m.name_pinyin = p.holder_pinyin))`,
      sql`${paymentHit('R10', 'p', {
        fact_kind: 'shared_account',
        fact_ref: sql`p.bank_account`,
        fact_text: sql`cast(s.people as text) || '/' || cast(s.households as text)`,
      })}
      from ${pays} p
      join (select bank_account, period, count(distinct id_number) as people, count(distinct hk) as households
            from ${allPaymentHouseholds()} a
            group by bank_account, period
            having count(distinct id_number) >= ${threshold(ctx, 'minBeneficiaries', 3)}
               and count(distinct hk) >= ${threshold(ctx, 'minHouseholds', 2)}) s
        on s.bank_account = p.bank_account and s.period = p.period`,
    ];
  },
  explain: (g) => {
    const parts = distinct(g.hits, (h) => {
      if (h.fact_kind === 'shared_account') {
        const [people, households] = (h.fact_text ?? '').split('/');
        return `账户${h.fact_ref ?? ''}同期为${people ?? ''}人（${households ?? ''}户）收款`;
      }
      return `收款账户户名为${h.fact_text ?? ''}，既非本人也非同户成员${h.fuzzy === 1 ? '（户名为同音模糊匹配）' : ''}`;
    });
    return `${g.subjectName}：${listed(parts, 2)}；${paidTail(g)}`;
  },
};
