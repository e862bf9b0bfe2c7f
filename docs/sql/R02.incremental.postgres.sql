-- R02 财政供养人员领取 (State-paid staff on means-tested aid): an incremental scan of 431226 (scan 1), as postgres runs it.
-- It reads the payments it re-checks from their copy (scan_payments_1) and the people
-- it re-checks from scan_subjects.
-- Parameters: [1,"431226%","431226%","431226%",1,"431226%","431226%","431226%"]
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
      *
    from
      (
        with
          subject_facts as materialized (
            select
              f.*,
              o.household_id as owner_household,
              o.name as owner_name,
              o.registered as owner_registered
            from
              scan_subjects o
              join ds_payroll f on f.id_number = o.subject
            where
              o.scan_id = $1
              and f.live = 1
          )
        select
          cast('R02' as text) as "rule_code",
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
          cast('payroll' as text) as "fact_kind",
          f.employer as "fact_ref",
          cast(null as text) as "fact_date",
          f.employer as "fact_text",
          f.id_number as "related_id",
          p.name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join "scan_payments_1" p on p.id_number = f.id_number
          and 1 = 1
          and "p"."village_code" like $2
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
          and f.period = p.period
        union all
        select
          cast('R02' as text) as "rule_code",
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
          cast('payroll' as text) as "fact_kind",
          f.employer as "fact_ref",
          cast(null as text) as "fact_date",
          f.employer as "fact_text",
          f.id_number as "related_id",
          f.owner_name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join ds_residents m on m.live = 1
          and m.status = '正常'
          and m.household_id = f.owner_household
          and m.id_number <> f.id_number
          join "scan_payments_1" p on p.id_number = m.id_number
          and 1 = 1
          and "p"."village_code" like $3
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
          f.owner_registered = 1
          and f.live = 1
          and f.period = p.period
        union all
        select
          cast('R02' as text) as "rule_code",
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
          cast('payroll' as text) as "fact_kind",
          f.employer as "fact_ref",
          cast(null as text) as "fact_date",
          f.employer as "fact_text",
          f.id_number as "related_id",
          f.owner_name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join "scan_payments_1" p on p.household_id = f.owner_household
          and p.id_number <> f.id_number
          and 1 = 1
          and "p"."village_code" like $4
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
          f.owner_registered = 1
          and "p"."registry_household" is null
          and f.live = 1
          and f.period = p.period
      ) hf
    union all
    select
      *
    from
      (
        with
          subject_facts as materialized (
            select
              f.*,
              o.household_id as owner_household,
              o.name as owner_name,
              o.registered as owner_registered
            from
              scan_subjects o
              join ds_officials f on f.id_number = o.subject
            where
              o.scan_id = $5
              and f.live = 1
              and f.state_paid = 1
          )
        select
          cast('R02' as text) as "rule_code",
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
          cast('official' as text) as "fact_kind",
          f.organisation as "fact_ref",
          f.start_date as "fact_date",
          f.organisation || coalesce(f.position, '') as "fact_text",
          f.id_number as "related_id",
          p.name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join "scan_payments_1" p on p.id_number = f.id_number
          and 1 = 1
          and "p"."village_code" like $6
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
          and f.state_paid = 1
          and f.start_date <= ("p"."period" || '-31')
          and (
            f.end_date is null
            or f.end_date >= ("p"."period" || '-01')
          )
        union all
        select
          cast('R02' as text) as "rule_code",
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
          cast('official' as text) as "fact_kind",
          f.organisation as "fact_ref",
          f.start_date as "fact_date",
          f.organisation || coalesce(f.position, '') as "fact_text",
          f.id_number as "related_id",
          f.owner_name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join ds_residents m on m.live = 1
          and m.status = '正常'
          and m.household_id = f.owner_household
          and m.id_number <> f.id_number
          join "scan_payments_1" p on p.id_number = m.id_number
          and 1 = 1
          and "p"."village_code" like $7
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
          f.owner_registered = 1
          and f.live = 1
          and f.state_paid = 1
          and f.start_date <= ("p"."period" || '-31')
          and (
            f.end_date is null
            or f.end_date >= ("p"."period" || '-01')
          )
        union all
        select
          cast('R02' as text) as "rule_code",
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
          cast('official' as text) as "fact_kind",
          f.organisation as "fact_ref",
          f.start_date as "fact_date",
          f.organisation || coalesce(f.position, '') as "fact_text",
          f.id_number as "related_id",
          f.owner_name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join "scan_payments_1" p on p.household_id = f.owner_household
          and p.id_number <> f.id_number
          and 1 = 1
          and "p"."village_code" like $8
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
          f.owner_registered = 1
          and "p"."registry_household" is null
          and f.live = 1
          and f.state_paid = 1
          and f.start_date <= ("p"."period" || '-31')
          and (
            f.end_date is null
            or f.end_date >= ("p"."period" || '-01')
          )
      ) hf
  ) rule_hits
