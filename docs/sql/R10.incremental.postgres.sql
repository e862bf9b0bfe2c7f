-- R10 代领冒领 (Paid into another’s account): an incremental scan of 431226 (scan 1), as postgres runs it.
-- It reads the payments it re-checks from their copy (scan_payments_1) and the people
-- it re-checks from scan_subjects.
-- Parameters: ["431226%","431226%",3,3,2,"431226%"]
insert into
  scan_hits (
    scan_id,
    "rule_code",
    "subject",
    "subject_kind",
    "subject_name",
    "village_code",
    "jurisdiction_code",
    "program_code",
    "period",
    "amount_fen",
    "dataset",
    "row_id",
    "record_ref",
    "fact_kind",
    "fact_ref",
    "fact_date",
    "fact_text",
    "related_id",
    "related_name",
    "fuzzy"
  )
select
  1,
  "rule_code",
  "subject",
  "subject_kind",
  "subject_name",
  "village_code",
  "jurisdiction_code",
  "program_code",
  "period",
  "amount_fen",
  "dataset",
  "row_id",
  "record_ref",
  "fact_kind",
  "fact_ref",
  "fact_date",
  "fact_text",
  "related_id",
  "related_name",
  "fuzzy"
from
  (
    select
      cast('R10' as text) as "rule_code",
      "p"."id_number" as "subject",
      cast('person' as text) as "subject_kind",
      "p"."name" as "subject_name",
      "p"."village_code" as "village_code",
      "p"."village_code" as "jurisdiction_code",
      "p"."program_code" as "program_code",
      "p"."period" as "period",
      "p"."amount_fen" as "amount_fen",
      cast('disbursements' as text) as "dataset",
      "p"."row_id" as "row_id",
      "p"."record_id" as "record_ref",
      cast('holder_id' as text) as "fact_kind",
      p.bank_account as "fact_ref",
      cast(null as text) as "fact_date",
      p.account_holder as "fact_text",
      p.account_holder_id_number as "related_id",
      p.account_holder as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      "scan_payments_1" p
    where
      1 = 1
      and "p"."village_code" like $1
      and p.account_holder_id_number is not null
      and p.account_holder_id_number <> p.id_number
      and not exists (
        select
          1
        from
          ds_residents m
        where
          m.live = 1
          and m.status = '正常'
          and m.id_number = p.account_holder_id_number
          and m.household_id = coalesce("p"."registry_household", "p"."household_id")
      )
    union all
    select
      cast('R10' as text) as "rule_code",
      "p"."id_number" as "subject",
      cast('person' as text) as "subject_kind",
      "p"."name" as "subject_name",
      "p"."village_code" as "village_code",
      "p"."village_code" as "jurisdiction_code",
      "p"."program_code" as "program_code",
      "p"."period" as "period",
      "p"."amount_fen" as "amount_fen",
      cast('disbursements' as text) as "dataset",
      "p"."row_id" as "row_id",
      "p"."record_id" as "record_ref",
      cast('holder_name' as text) as "fact_kind",
      p.bank_account as "fact_ref",
      cast(null as text) as "fact_date",
      p.account_holder as "fact_text",
      (
        select
          min(u.id_number)
        from
          (
            select
              min(x.id_number) as id_number
            from
              ds_residents x
            where
              x.live = 1
              and x.village_code = p.village_code
              and x.name_fold = p.holder_fold
            union all
            select
              min(x.id_number)
            from
              ds_residents x
            where
              x.live = 1
              and x.village_code = p.village_code
              and x.name_pinyin = p.holder_pinyin
          ) u
      ) as "related_id",
      p.account_holder as "related_name",
      case
        when exists (
          select
            1
          from
            ds_residents x
          where
            x.live = 1
            and x.village_code = p.village_code
            and x.name_fold = p.holder_fold
        ) then 0
        when exists (
          select
            1
          from
            ds_residents x
          where
            x.live = 1
            and x.village_code = p.village_code
            and x.name_pinyin = p.holder_pinyin
        ) then 1
        else 0
      end as "fuzzy"
    from
      "scan_payments_1" p
    where
      1 = 1
      and "p"."village_code" like $2
      and p.account_holder_id_number is null
      and p.holder_fold <> p.name_fold
      and not exists (
        select
          1
        from
          ds_residents b
        where
          b.live = 1
          and b.id_number = p.id_number
          and b.name_pinyin = p.holder_pinyin
      )
      and not exists (
        select
          1
        from
          ds_residents m
        where
          m.live = 1
          and m.status = '正常'
          and m.household_id = coalesce("p"."registry_household", "p"."household_id")
          and (
            m.name_fold = p.holder_fold
            or m.name_pinyin = p.holder_pinyin
          )
      )
    union all
    select
      cast('R10' as text) as "rule_code",
      "p"."id_number" as "subject",
      cast('person' as text) as "subject_kind",
      "p"."name" as "subject_name",
      "p"."village_code" as "village_code",
      "p"."village_code" as "jurisdiction_code",
      "p"."program_code" as "program_code",
      "p"."period" as "period",
      "p"."amount_fen" as "amount_fen",
      cast('disbursements' as text) as "dataset",
      "p"."row_id" as "row_id",
      "p"."record_id" as "record_ref",
      cast('shared_account' as text) as "fact_kind",
      p.bank_account as "fact_ref",
      cast(null as text) as "fact_date",
      cast(s.people as text) || '/' || cast(s.households as text) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select
          bank_account,
          period,
          count(distinct id_number) as people,
          count(distinct hk) as households
        from
          (
            select
              c.bank_account,
              c.period,
              d.id_number,
              coalesce(
                (
                  select
                    hh.household_id
                  from
                    ds_residents hh
                  where
                    hh.live = 1
                    and hh.status = '正常'
                    and hh.id_number = d.id_number
                ),
                d.household_id,
                'P:' || d.id_number
              ) as hk
            from
              (
                select
                  bank_account,
                  period
                from
                  ds_disbursements
                where
                  live = 1
                  and (bank_account, period) in (
                    select
                      bank_account,
                      period
                    from
                      "scan_payments_1"
                  )
                group by
                  bank_account,
                  period
                having
                  count(*) >= $3
              ) c
              join ds_disbursements d on d.live = 1
              and d.bank_account = c.bank_account
              and d.period = c.period
          ) a
        group by
          bank_account,
          period
        having
          count(distinct id_number) >= $4
          and count(distinct hk) >= $5
      ) s
      join "scan_payments_1" p on p.bank_account = s.bank_account
      and p.period = s.period
      and 1 = 1
      and "p"."village_code" like $6
  ) rule_hits
