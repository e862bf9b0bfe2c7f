-- R09 超标准发放 (Above the standard): a full scan of 431226 (scan 1), as sqlite runs it.
-- Parameters: ["431226%"]
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
      cast('R09' as text) as "rule_code",
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
      cast('standard' as text) as "fact_kind",
      cast(g.standard_monthly_fen as text) as "fact_ref",
      cast(null as text) as "fact_date",
      cast(p.household_size as text) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_programs g
      join ds_disbursements p on p.program_code = g.program_code
      and "p"."live" = 1
      and "p"."village_code" like ?
    where
      g.live = 1
      and g.standard_monthly_fen is not null
      and p.amount_fen > g.standard_monthly_fen * p.household_size
  ) rule_hits
