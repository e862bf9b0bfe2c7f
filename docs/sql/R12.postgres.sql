-- R12 年龄不符 (Below the programme’s age): a full scan of 431226 (scan 1), as postgres runs it.
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
      cast('R12' as text) as "rule_code",
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
      cast('age' as text) as "fact_kind",
      cast(g.min_age as text) as "fact_ref",
      cast(null as text) as "fact_date",
      cast(
        (
          cast(substr(p.period, 1, 4) as integer) - cast(substr(p.id_number, 7, 4) as integer) - case
            when substr(p.id_number, 11, 2) > substr(p.period, 6, 2) then 1
            else 0
          end
        ) as text
      ) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_disbursements p
      join ds_programs g on g.program_code = p.program_code
    where
      "p"."live" + 0 = 1
      and "p"."village_code" like $1
      and g.live = 1
      and g.min_age is not null
      and (
        cast(substr(p.period, 1, 4) as integer) - cast(substr(p.id_number, 7, 4) as integer) - case
          when substr(p.id_number, 11, 2) > substr(p.period, 6, 2) then 1
          else 0
        end
      ) < g.min_age
  ) rule_hits
