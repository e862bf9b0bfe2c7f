-- R13 吃空饷 (Salary after death): a full scan of 431226 (scan 1), as postgres runs it.
-- Parameters: ["431226000000","431226000000","431226%"]
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
      cast('R13' as text) as "rule_code",
      s.id_number as "subject",
      cast('person' as text) as "subject_kind",
      s.name as "subject_name",
      r.village_code as "village_code",
      coalesce(r.village_code, $1) as "jurisdiction_code",
      cast(null as text) as "program_code",
      s.period as "period",
      s.amount_fen as "amount_fen",
      cast('payroll' as text) as "dataset",
      s.row_id as "row_id",
      s.employer || ' ' || s.period as "record_ref",
      cast('death' as text) as "fact_kind",
      s.employer as "fact_ref",
      x.death_date as "fact_date",
      cast(null as text) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select
          id_number,
          min(death_date) as death_date
        from
          ds_deaths
        where
          live = 1
        group by
          id_number
      ) x
      join ds_payroll s on s.id_number = x.id_number
      left join ds_residents r on r.live = 1
      and r.id_number = s.id_number
    where
      s.live = 1
      and s.period > substr(x.death_date, 1, 7)
      and coalesce(r.village_code, $2) like $3
  ) rule_hits
