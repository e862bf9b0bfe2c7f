-- R14 办理超时 (Overdue handling): a full scan of 431226 (scan 1), as postgres runs it.
-- An incremental scan runs the same statement.
-- Parameters: ["431226000000","2025-01-15","431226000000","431226%"]
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
      cast('R14' as text) as "rule_code",
      coalesce(a.handler_id_number, a.organisation) as "subject",
      case
        when a.handler_id_number is null then 'organisation'
        else 'person'
      end as "subject_kind",
      coalesce(o.name, a.organisation) as "subject_name",
      cast(null as text) as "village_code",
      coalesce(o.jurisdiction_code, $1) as "jurisdiction_code",
      cast(null as text) as "program_code",
      substr(a.received_date, 1, 7) as "period",
      cast(null as bigint) as "amount_fen",
      cast('approvals' as text) as "dataset",
      a.row_id as "row_id",
      a.case_no as "record_ref",
      case
        when a.decided_date is null then 'open'
        else 'decided'
      end as "fact_kind",
      a.item as "fact_ref",
      a.received_date as "fact_date",
      cast(c2.workday_index - c1.workday_index as text) || '/' || cast(a.time_limit_days as text) as "fact_text",
      a.organisation as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_approvals a
      join calendar c1 on c1.day = a.received_date
      join calendar c2 on c2.day = coalesce(a.decided_date, $2)
      left join (
        select
          id_number,
          min(name) as name,
          min(jurisdiction_code) as jurisdiction_code
        from
          ds_officials
        where
          live = 1
        group by
          id_number
      ) o on o.id_number = a.handler_id_number
    where
      a.live = 1
      and a.time_limit_days is not null
      and c2.workday_index - c1.workday_index > a.time_limit_days
      and coalesce(o.jurisdiction_code, $3) like $4
  ) rule_hits
