import { sql } from 'kysely';
import type { BuiltinRule } from '../../builtinRule.js';
import { distinct, listed, paidTail } from '../../explainText.js';
import {
  livePayment,
  factOwnerFilter,
  paymentHit,
  paymentRows,
  payments,
  periodEnd,
  unregistered,
} from '../../ruleContext.js';
import { householdFactHits } from '../householdFacts.js';
import { R06Name } from './ruleName.js';
import { isLive } from '../../../ingest/liveRows.js';

/**
 * R06 有房产人员领取: a means-tested payment while, on the period's last day, the beneficiary
 * or a household member owns a 商业/办公/工业 property, or the household owns two or more 住宅.
 */
export const R06: BuiltinRule = {
  code: R06Name.code,
  name: R06Name,
  severity: '中',
  params: { minHomes: 2 },
  economic: true,
  queries: (ctx) => {
    const minHomes = typeof ctx.params.minHomes === 'number' ? ctx.params.minHomes : 2;
    const pay = livePayment(ctx, 'p', { meansTested: true });
    return [
      ...householdFactHits(ctx, {
        rule: 'R06',
        facts: sql`ds_properties f`,
        factFilter: sql`${isLive('f')} and f.usage in ('商业', '办公', '工业')`,
        when: sql`${isLive('f')} and f.usage in ('商业', '办公', '工业') and f.registered_date <= ${periodEnd('p.period')}`,
        meansTested: true,
        columns: {
          fact_kind: sql`f.usage`,
          fact_ref: sql`f.certificate_no`,
          fact_text: sql`coalesce(f.location, '')`,
          fact_date: sql`f.registered_date`,
        },
      }),
      // Two or more homes in the household: each step materialised once (few rows each).
      sql`select * from (
        with homes as materialized (
          select coalesce(o.household_id, 'P:' || f.id_number) as hkey, f.id_number, o.name as owner_name,
            f.certificate_no, f.location, f.registered_date
          from ds_properties f
          left join ds_residents o on ${isLive('o')} and o.status = '正常' and o.id_number = f.id_number
          where ${isLive('f')} and f.usage = '住宅' ${factOwnerFilter(ctx, 'f.id_number')}),
        multi as materialized (
          select hkey from homes group by hkey having count(distinct certificate_no) >= ${minHomes}),
        hp as materialized (
          select mh.hkey, p.row_id, p.period from multi mh
            join ds_residents m on ${isLive('m')} and m.status = '正常' and m.household_id = mh.hkey
            join ${payments(ctx)} p on p.id_number = m.id_number and ${pay}
          union
          select mh.hkey, p.row_id, p.period from multi mh
            join ${payments(ctx)} p on p.id_number = substr(mh.hkey, 3) and ${pay}
            where mh.hkey like 'P:%'
          union
          select mh.hkey, p.row_id, p.period from multi mh
            join ${payments(ctx)} p on p.household_id = mh.hkey and ${pay}
            where ${unregistered(ctx, 'p')}),
        qualifying as materialized (
          select hp.hkey, hp.row_id from hp
            join homes hm on hm.hkey = hp.hkey and hm.registered_date <= ${periodEnd('hp.period')}
          group by hp.hkey, hp.row_id
          having count(distinct hm.certificate_no) >= ${minHomes})
        ${paymentHit('R06', 'p', {
          fact_kind: '住宅',
          fact_ref: sql`hm.certificate_no`,
          fact_text: sql`coalesce(hm.location, '')`,
          fact_date: sql`hm.registered_date`,
          related_id: sql`hm.id_number`,
          related_name: sql`coalesce(hm.owner_name, p.name)`,
        })}
        from qualifying q
        join ${payments(ctx)} p on p.row_id = q.row_id and ${paymentRows(ctx, 'p')}
        join homes hm on hm.hkey = q.hkey and hm.registered_date <= ${periodEnd('p.period')}) r06`,
    ];
  },
  explain: (g) => {
    const homes = distinct(
      g.hits,
      (h) =>
        `${h.related_id === g.subject ? '本人' : `家庭成员${h.related_name ?? ''}`}名下${h.fact_kind}房产（${h.fact_ref ?? ''}）`,
    );
    return `${g.subjectName}${listed(homes)}，${paidTail(g)}`;
  },
};
