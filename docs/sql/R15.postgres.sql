-- R15 投诉集中 (Complaint cluster): a full scan of 431226 (scan 1), as postgres runs it.
-- An incremental scan runs the same statement.
-- Parameters: ["431226%",89,89,3,"431226%",89,89,3]
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
      cast('R15' as text) as "rule_code",
      c.official_id_number as "subject",
      cast('person' as text) as "subject_kind",
      coalesce(
        (
          select
            min(o.name)
          from
            ds_officials o
          where
            o.live = 1
            and o.id_number = c.official_id_number
        ),
        c.official_id_number
      ) as "subject_name",
      c.village_code as "village_code",
      c.village_code as "jurisdiction_code",
      cast(null as text) as "program_code",
      substr(c.received_date, 1, 7) as "period",
      cast(null as bigint) as "amount_fen",
      cast('complaints' as text) as "dataset",
      c.id as "row_id",
      c.complaint_no as "record_ref",
      cast('official' as text) as "fact_kind",
      c.topic as "fact_ref",
      c.received_date as "fact_date",
      cast(null as text) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      complaints c
      join calendar dc on dc.day = c.received_date
    where
      c.official_id_number is not null
      and c.village_code like $1
      and exists (
        select
          1
        from
          complaints w
          join calendar dw on dw.day = w.received_date
        where
          "w"."official_id_number" = "c"."official_id_number"
          and dc.day_number between dw.day_number and dw.day_number + $2
          and (
            select
              count(*)
            from
              complaints z
              join calendar dz on dz.day = z.received_date
            where
              "z"."official_id_number" = "c"."official_id_number"
              and dz.day_number between dw.day_number and dw.day_number + $3
          ) >= $4
      )
    union all
    select
      cast('R15' as text) as "rule_code",
      c.village_code as "subject",
      cast('village' as text) as "subject_kind",
      coalesce(
        (
          select
            v.name
          from
            divisions v
          where
            v.code = c.village_code
        ),
        c.village_code
      ) as "subject_name",
      c.village_code as "village_code",
      c.village_code as "jurisdiction_code",
      cast(null as text) as "program_code",
      substr(c.received_date, 1, 7) as "period",
      cast(null as bigint) as "amount_fen",
      cast('complaints' as text) as "dataset",
      c.id as "row_id",
      c.complaint_no as "record_ref",
      cast('village' as text) as "fact_kind",
      c.topic as "fact_ref",
      c.received_date as "fact_date",
      cast(null as text) as "fact_text",
      cast(null as text) as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      complaints c
      join calendar dc on dc.day = c.received_date
    where
      c.village_code like $5
      and exists (
        select
          1
        from
          complaints w
          join calendar dw on dw.day = w.received_date
        where
          "w"."village_code" = "c"."village_code"
          and "w"."topic" = "c"."topic"
          and dc.day_number between dw.day_number and dw.day_number + $6
          and (
            select
              count(*)
            from
              complaints z
              join calendar dz on dz.day = z.received_date
            where
              "z"."village_code" = "c"."village_code"
              and "z"."topic" = "c"."topic"
              and dz.day_number between dw.day_number and dw.day_number + $7
          ) >= $8
      )
  ) rule_hits
