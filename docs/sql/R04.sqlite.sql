-- R04 经办人利益冲突 (Handler conflict of interest): a full scan of 431226 (scan 1), as sqlite runs it.
-- Parameters: ["431226%","431226%","431226%","431226%","431226%","431226%"]
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
      cast('R04' as text) as "rule_code",
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
      cast('self' as text) as "fact_kind",
      p.handler_id_number as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      p.handler_id_number as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_disbursements p
    where
      "p"."live" = 1
      and "p"."village_code" like ?
      and p.handler_id_number = p.id_number
    union all
    select
      cast('R04' as text) as "rule_code",
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
      cast('household' as text) as "fact_kind",
      p.handler_id_number as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      p.handler_id_number as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select distinct
          handler_id_number as id_number
        from
          ds_disbursements pp
        where
          "pp"."live" = 1
          and handler_id_number is not null
      ) hd
      join ds_residents h on h.live = 1
      and h.status = '正常'
      and h.id_number = hd.id_number
      join ds_residents m on m.live = 1
      and m.status = '正常'
      and m.household_id = h.household_id
      and m.id_number <> hd.id_number
      join ds_disbursements p on p.id_number = m.id_number
      and p.handler_id_number = hd.id_number
      and "p"."live" = 1
      and "p"."village_code" like ?
    union all
    select
      cast('R04' as text) as "rule_code",
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
      cast('household' as text) as "fact_kind",
      p.handler_id_number as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      p.handler_id_number as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      (
        select distinct
          handler_id_number as id_number
        from
          ds_disbursements pp
        where
          "pp"."live" = 1
          and handler_id_number is not null
      ) hd
      join ds_residents h on h.live = 1
      and h.status = '正常'
      and h.id_number = hd.id_number
      join ds_disbursements p on p.household_id = h.household_id
      and p.handler_id_number = hd.id_number
      and p.id_number <> hd.id_number
      and "p"."live" = 1
      and "p"."village_code" like ?
    where
      not exists (
        select
          1
        from
          ds_residents r
        where
          r.live = 1
          and r.status = '正常'
          and r.id_number = "p"."id_number"
      )
    union all
    select
      cast('R04' as text) as "rule_code",
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
      cast('declared' as text) as "fact_kind",
      p.handler_id_number as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      p.handler_id_number as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_relations rel
      join ds_disbursements p on p.id_number = "rel"."relative_id_number"
      and p.handler_id_number = "rel"."official_id_number"
      and "p"."live" = 1
      and "p"."village_code" like ?
    where
      rel.live = 1
      and rel.official_id_number <> rel.relative_id_number
    union all
    select
      cast('R04' as text) as "rule_code",
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
      cast('declared' as text) as "fact_kind",
      p.handler_id_number as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      p.handler_id_number as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_relations rel
      join ds_disbursements p on p.id_number = "rel"."official_id_number"
      and p.handler_id_number = "rel"."relative_id_number"
      and "p"."live" = 1
      and "p"."village_code" like ?
    where
      rel.live = 1
      and rel.official_id_number <> rel.relative_id_number
    union all
    select
      cast('R04' as text) as "rule_code",
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
      cast('account_holder' as text) as "fact_kind",
      p.handler_id_number as "fact_ref",
      cast(null as text) as "fact_date",
      cast(null as text) as "fact_text",
      p.handler_id_number as "related_id",
      cast(null as text) as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_disbursements p
    where
      "p"."live" = 1
      and "p"."village_code" like ?
      and p.account_holder_id_number = p.handler_id_number
      and p.handler_id_number <> p.id_number
  ) rule_hits
