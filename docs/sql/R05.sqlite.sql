-- R05 有车人员领取 (Vehicle owner on means-tested aid): a full scan of 431226 (scan 1), as sqlite runs it.
-- Parameters: ["431226%","%三轮汽车%","%低速货车%","%拖拉机%","%摩托车%","431226%","%三轮汽车%","%低速货车%","%拖拉机%","%摩托车%","431226%","%三轮汽车%","%低速货车%","%拖拉机%","%摩托车%"]
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
      cast('R05' as text) as "rule_code",
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
      cast('vehicle' as text) as "fact_kind",
      f.plate as "fact_ref",
      f.registered_date as "fact_date",
      f.vehicle_type as "fact_text",
      f.id_number as "related_id",
      p.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_vehicles f
      join ds_disbursements p on p.id_number = f.id_number
      and "p"."live" = 1
      and "p"."village_code" like ?
      and exists (
        select
          1
        from
          ds_programs mt
        where
          mt.live = 1
          and mt.program_code = "p"."program_code"
          and mt.means_tested = 1
      )
    where
      f.live = 1
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.registered_date <= ("p"."period" || '-31')
      and (
        f.cancelled_date is null
        or f.cancelled_date >= ("p"."period" || '-01')
      )
    union all
    select
      cast('R05' as text) as "rule_code",
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
      cast('vehicle' as text) as "fact_kind",
      f.plate as "fact_ref",
      f.registered_date as "fact_date",
      f.vehicle_type as "fact_text",
      f.id_number as "related_id",
      o.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_vehicles f
      join ds_residents o on o.live = 1
      and o.status = '正常'
      and o.id_number = f.id_number
      join ds_residents m on m.live = 1
      and m.status = '正常'
      and m.household_id = o.household_id
      and m.id_number <> o.id_number
      join ds_disbursements p on p.id_number = m.id_number
      and "p"."live" = 1
      and "p"."village_code" like ?
      and exists (
        select
          1
        from
          ds_programs mt
        where
          mt.live = 1
          and mt.program_code = "p"."program_code"
          and mt.means_tested = 1
      )
    where
      f.live = 1
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.registered_date <= ("p"."period" || '-31')
      and (
        f.cancelled_date is null
        or f.cancelled_date >= ("p"."period" || '-01')
      )
    union all
    select
      cast('R05' as text) as "rule_code",
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
      cast('vehicle' as text) as "fact_kind",
      f.plate as "fact_ref",
      f.registered_date as "fact_date",
      f.vehicle_type as "fact_text",
      f.id_number as "related_id",
      o.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      ds_vehicles f
      join ds_residents o on o.live = 1
      and o.status = '正常'
      and o.id_number = f.id_number
      join ds_disbursements p on p.household_id = o.household_id
      and p.id_number <> o.id_number
      and "p"."live" = 1
      and "p"."village_code" like ?
      and exists (
        select
          1
        from
          ds_programs mt
        where
          mt.live = 1
          and mt.program_code = "p"."program_code"
          and mt.means_tested = 1
      )
    where
      f.live = 1
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.vehicle_type not like ?
      and f.registered_date <= ("p"."period" || '-31')
      and (
        f.cancelled_date is null
        or f.cancelled_date >= ("p"."period" || '-01')
      )
      and not exists (
        select
          1
        from
          ds_residents r
        where
          r.live = 1
          and r.status = '正常'
          and r.id_number = "p"."id_number"
      )
  ) rule_hits
