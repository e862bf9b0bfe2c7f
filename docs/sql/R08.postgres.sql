-- R08 重复领取 (Duplicate payments): a full scan of 431226 (scan 1), as postgres runs it.
-- Parameters: ["431226%","431226%"]
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
      cast('R08' as text) as "rule_code",
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
      cast('same_program' as text) as "fact_kind",
      q.record_id as "fact_ref",
      q.pay_date as "fact_date",
      q.program_code as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select
          id_number,
          program_code,
          period
        from
          ds_disbursements pp
        where
          "pp"."live" = 1
        group by
          id_number,
          program_code,
          period
        having
          count(*) > 1
      ) dup
      join ds_disbursements p on p.id_number = dup.id_number
      and p.period = dup.period
      and p.program_code = dup.program_code
      and "p"."live" = 1
      and "p"."village_code" like $1
      join ds_disbursements q on "q"."live" = 1
      and q.id_number = p.id_number
      and q.period = p.period
      and q.program_code = p.program_code
      and q.row_id <> p.row_id
    union all
    select
      cast('R08' as text) as "rule_code",
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
      cast('exclusive' as text) as "fact_kind",
      q.record_id as "fact_ref",
      q.pay_date as "fact_date",
      q.program_code as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_programs g
      join ds_disbursements p on p.program_code = g.program_code
      and "p"."live" = 1
      and "p"."village_code" like $2
      join ds_disbursements q on "q"."live" = 1
      and q.id_number = p.id_number
      and q.period = p.period
      and q.program_code <> p.program_code
      and (';' || g.exclusive_with || ';') like ('%;' || q.program_code || ';%')
    where
      g.live = 1
      and g.exclusive_with is not null
  ) rule_hits
