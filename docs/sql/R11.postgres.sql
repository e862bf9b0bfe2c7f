-- R11 身份存疑 (Identity not on the registry): a full scan of 431226 (scan 1), as postgres runs it.
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
      cast('R11' as text) as "rule_code",
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
      cast('not_registered' as text) as "fact_kind",
      cast(null as text) as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select
          id_number
        from
          ds_disbursements pp
        where
          "pp"."live" = 1
        group by
          id_number
      ) b
      join ds_disbursements p on p.id_number = b.id_number
      and "p"."live" = 1
      and "p"."village_code" like $1
    where
      not exists (
        select
          1
        from
          ds_residents r
        where
          r.live = 1
          and r.id_number = b.id_number
      )
      and exists (
        select
          1
        from
          ds_residents v
        where
          v.live = 1
          and v.village_code = p.village_code
      )
    union all
    select
      cast('R11' as text) as "rule_code",
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
      cast('name_differs' as text) as "fact_kind",
      cast(null as text) as "fact_ref",
      cast(null as text) as "fact_date",
      r.name as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_residents r
      join ds_disbursements p on p.id_number = r.id_number
      and "p"."live" = 1
      and "p"."village_code" like $2
    where
      r.live = 1
      and r.name_fold <> p.name_fold
  ) rule_hits
