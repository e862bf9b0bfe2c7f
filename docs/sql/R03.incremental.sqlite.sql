-- R03 干部本人或亲属享受 (Officials or their relatives on means-tested aid): an incremental scan of 431226 (scan 1), as sqlite runs it.
-- It reads the payments it re-checks from their copy (scan_payments_1) and the people
-- it re-checks from scan_subjects.
-- Parameters: ["431226%","431226%","431226%","431226%"]
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
      cast('R03' as text) as "rule_code",
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
      cast('official_self' as text) as "fact_kind",
      o.organisation as "fact_ref",
      o.start_date as "fact_date",
      o.organisation || coalesce(o.position, '') as "fact_text",
      o.id_number as "related_id",
      o.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      "scan_payments_1" p
      cross join ds_officials o on o.id_number = p.id_number
    where
      1 = 1
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
      and o.live = 1
      and o.start_date <= ("p"."period" || '-31')
      and (
        o.end_date is null
        or o.end_date >= ("p"."period" || '-01')
      )
      and p.village_code like(
        case
          when substr("o"."jurisdiction_code", 3) = '0000000000' then substr("o"."jurisdiction_code", 1, 2)
          when substr("o"."jurisdiction_code", 5) = '00000000' then substr("o"."jurisdiction_code", 1, 4)
          when substr("o"."jurisdiction_code", 7) = '000000' then substr("o"."jurisdiction_code", 1, 6)
          when substr("o"."jurisdiction_code", 10) = '000' then substr("o"."jurisdiction_code", 1, 9)
          else "o"."jurisdiction_code"
        end
      ) || '%'
    union all
    select
      cast('R03' as text) as "rule_code",
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
      'declared:' || rel.relation as "fact_kind",
      o.organisation as "fact_ref",
      o.start_date as "fact_date",
      o.organisation || coalesce(o.position, '') as "fact_text",
      o.id_number as "related_id",
      o.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      "scan_payments_1" p
      cross join ds_relations rel on rel.live = 1
      and rel.relative_id_number = p.id_number
      cross join ds_officials o on o.id_number = rel.official_id_number
    where
      1 = 1
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
      and o.live = 1
      and o.start_date <= ("p"."period" || '-31')
      and (
        o.end_date is null
        or o.end_date >= ("p"."period" || '-01')
      )
      and p.village_code like(
        case
          when substr("o"."jurisdiction_code", 3) = '0000000000' then substr("o"."jurisdiction_code", 1, 2)
          when substr("o"."jurisdiction_code", 5) = '00000000' then substr("o"."jurisdiction_code", 1, 4)
          when substr("o"."jurisdiction_code", 7) = '000000' then substr("o"."jurisdiction_code", 1, 6)
          when substr("o"."jurisdiction_code", 10) = '000' then substr("o"."jurisdiction_code", 1, 9)
          else "o"."jurisdiction_code"
        end
      ) || '%'
    union all
    select
      cast('R03' as text) as "rule_code",
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
      o.organisation as "fact_ref",
      o.start_date as "fact_date",
      o.organisation || coalesce(o.position, '') as "fact_text",
      o.id_number as "related_id",
      o.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      "scan_payments_1" p
      cross join ds_residents m on m.live = 1
      and m.status = '正常'
      and m.id_number = p.id_number
      cross join ds_residents h on h.live = 1
      and h.status = '正常'
      and h.household_id = m.household_id
      and h.id_number <> p.id_number
      cross join ds_officials o on o.id_number = h.id_number
    where
      1 = 1
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
      and o.live = 1
      and o.start_date <= ("p"."period" || '-31')
      and (
        o.end_date is null
        or o.end_date >= ("p"."period" || '-01')
      )
      and p.village_code like(
        case
          when substr("o"."jurisdiction_code", 3) = '0000000000' then substr("o"."jurisdiction_code", 1, 2)
          when substr("o"."jurisdiction_code", 5) = '00000000' then substr("o"."jurisdiction_code", 1, 4)
          when substr("o"."jurisdiction_code", 7) = '000000' then substr("o"."jurisdiction_code", 1, 6)
          when substr("o"."jurisdiction_code", 10) = '000' then substr("o"."jurisdiction_code", 1, 9)
          else "o"."jurisdiction_code"
        end
      ) || '%'
    union all
    select
      cast('R03' as text) as "rule_code",
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
      o.organisation as "fact_ref",
      o.start_date as "fact_date",
      o.organisation || coalesce(o.position, '') as "fact_text",
      o.id_number as "related_id",
      o.name as "related_name",
      cast(0 as bigint) as "fuzzy"
    from
      "scan_payments_1" p
      cross join ds_residents h on h.live = 1
      and h.status = '正常'
      and h.household_id = p.household_id
      and h.id_number <> p.id_number
      cross join ds_officials o on o.id_number = h.id_number
    where
      1 = 1
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
      and o.live = 1
      and o.start_date <= ("p"."period" || '-31')
      and (
        o.end_date is null
        or o.end_date >= ("p"."period" || '-01')
      )
      and p.village_code like(
        case
          when substr("o"."jurisdiction_code", 3) = '0000000000' then substr("o"."jurisdiction_code", 1, 2)
          when substr("o"."jurisdiction_code", 5) = '00000000' then substr("o"."jurisdiction_code", 1, 4)
          when substr("o"."jurisdiction_code", 7) = '000000' then substr("o"."jurisdiction_code", 1, 6)
          when substr("o"."jurisdiction_code", 10) = '000' then substr("o"."jurisdiction_code", 1, 9)
          else "o"."jurisdiction_code"
        end
      ) || '%'
      and "p"."registry_household" is null
  ) rule_hits
