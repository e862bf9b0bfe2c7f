-- R01 死亡后仍发放 (Paid after death): an incremental scan of 431226 (scan 1), as postgres runs it.
-- It reads the payments it re-checks from their copy (scan_payments_1) and the people
-- it re-checks from scan_subjects.
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
      cast('R01' as text) as "rule_code",
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
      cast('death' as text) as "fact_kind",
      cast(null as text) as "fact_ref",
      f.death_date as "fact_date",
      f.source_kind as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select
          e.id_number,
          e.death_date,
          min(e.source_kind) as source_kind
        from
          ds_deaths e
          join (
            select
              id_number,
              min(death_date) as first_death
            from
              ds_deaths
            where
              live = 1
            group by
              id_number
          ) x on x.id_number = e.id_number
          and x.first_death = e.death_date
        where
          e.live = 1
        group by
          e.id_number,
          e.death_date
      ) f
      join "scan_payments_1" p on p.id_number = f.id_number
      and 1 = 1
      and "p"."village_code" like $1
    where
      p.period > substr(f.death_date, 1, 7)
  ) rule_hits
