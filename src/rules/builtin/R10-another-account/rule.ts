import { sql } from 'kysely';
import { maskBankAccount } from '../../../core/redact.js';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import {
  householdOf,
  livePayment,
  paymentHit,
  type RuleContext,
  payments,
} from '../../ruleContext.js';
import { R10Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

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
  code: R10Name.code,
  name: R10Name,
  severity: '中',
  params: { minBeneficiaries: 3, minHouseholds: 2 },
  economic: true,
  queries: (ctx) => {
    const pay = livePayment(ctx, 'p');
    // The first two parts read every payment. SQLite must read them in table order, never
    // through a partial index on live rows (its sampled statistics can make one look
    // smaller). PostgreSQL reads them in order anyway, and there the expression would only
    // hide the condition from its estimates.
    const everyPayment = livePayment(ctx, 'p', { sequential: ctx.dialect === 'sqlite' });
    const minPeople = threshold(ctx, 'minBeneficiaries', 3);
    const minHouseholds = threshold(ctx, 'minHouseholds', 2);
    // Who else is paid into an account counts from all live payments, also in an incremental
    // scan: there only the accounts and months of the re-checked payments are counted (the
    // accounts alone would bring in each account's whole year). The inner
    // count of payments only narrows the accounts cheaply (no distinct, no sort); the outer
    // one decides.
    const accounts = ctx.incremental
      ? sql`and (bank_account, period) in (select bank_account, period from ${payments(ctx)})`
      : sql``;
    return [
      sql`${paymentHit('R10', 'p', {
        fact_kind: 'holder_id',
        fact_ref: sql`p.bank_account`,
        fact_text: sql`p.account_holder`,
        related_id: sql`p.account_holder_id_number`,
        related_name: sql`p.account_holder`,
      })}
      from ${payments(ctx)} p
      where ${everyPayment} and p.account_holder_id_number is not null and p.account_holder_id_number <> p.id_number
        and not exists (select 1 from ds_residents m where ${isLive('m')} and m.status = '正常'
          and m.id_number = p.account_holder_id_number and m.household_id = ${householdOf(ctx, 'p')})`,
      sql`${paymentHit('R10', 'p', {
        fact_kind: 'holder_name',
        fact_ref: sql`p.bank_account`,
        fact_text: sql`p.account_holder`,
        // The smallest ID among the village's residents of that name, as written or by its
        // pinyin: two index lookups (an OR would read every resident of the village).
        related_id: sql`(select min(u.id_number) from (
            select min(x.id_number) as id_number from ds_residents x where ${isLive('x')}
              and x.village_code = p.village_code and x.name_fold = p.holder_fold
            union all
            select min(x.id_number) from ds_residents x where ${isLive('x')}
              and x.village_code = p.village_code and x.name_pinyin = p.holder_pinyin) u)`,
        related_name: sql`p.account_holder`,
        fuzzy: sql`case when exists (select 1 from ds_residents x where ${isLive('x')} and x.village_code = p.village_code
          and x.name_fold = p.holder_fold) then 0
          when exists (select 1 from ds_residents x where ${isLive('x')} and x.village_code = p.village_code
          and x.name_pinyin = p.holder_pinyin) then 1 else 0 end`,
      })}
      from ${payments(ctx)} p
      where ${everyPayment} and p.account_holder_id_number is null and p.holder_fold <> p.name_fold
        and not exists (select 1 from ds_residents b where ${isLive('b')} and b.id_number = p.id_number and b.name_pinyin = p.holder_pinyin)
        and not exists (select 1 from ds_residents m where ${isLive('m')} and m.status = '正常' and m.household_id = ${householdOf(ctx, 'p')}
          and (m.name_fold = p.holder_fold or m.name_pinyin = p.holder_pinyin))`,
      sql`${paymentHit('R10', 'p', {
        fact_kind: 'shared_account',
        fact_ref: sql`p.bank_account`,
        fact_text: sql`cast(s.people as text) || '/' || cast(s.households as text)`,
      })}
      from (select bank_account, period, count(distinct id_number) as people, count(distinct hk) as households
            from (select c.bank_account, c.period, d.id_number,
                    coalesce((select hh.household_id from ds_residents hh where ${isLive('hh')} and hh.status = '正常'
                      and hh.id_number = d.id_number), d.household_id, 'P:' || d.id_number) as hk
                  from (select bank_account, period from ds_disbursements where ${isLive()} ${accounts}
                        group by bank_account, period having count(*) >= ${minPeople}) c
                  join ds_disbursements d on ${isLive('d')} and d.bank_account = c.bank_account and d.period = c.period) a
            group by bank_account, period
            having count(distinct id_number) >= ${minPeople} and count(distinct hk) >= ${minHouseholds}) s
      join ${payments(ctx)} p on p.bank_account = s.bank_account and p.period = s.period and ${pay}`,
    ];
  },
  explain: (g) => {
    const parts = distinct(g.hits, (h) => {
      if (h.fact_kind === 'shared_account') {
        const [people, households] = (h.fact_text ?? '').split('/');
        // The account masked: explanations are shown in lists and exported.
        return `账户${maskBankAccount(h.fact_ref ?? '')}同期为${people ?? ''}人（${households ?? ''}户）收款`;
      }
      return `收款账户户名为${h.fact_text ?? ''}，既非本人也非同户成员${h.fuzzy === 1 ? '（户名为同音模糊匹配）' : ''}`;
    });
    return `${g.subjectName}：${listed(parts, 2)}；${paidTail(g)}`;
  },
};
