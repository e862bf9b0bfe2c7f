-- R06 有房产人员领取 (Property owner on means-tested aid): an incremental scan of 431226 (scan 1), as sqlite runs it.
-- It reads the payments it re-checks from their copy (scan_payments_1) and the people
-- it re-checks from scan_subjects.
-- Parameters: [1,"431226%","431226%","431226%",1,2,"431226%","431226%","431226%",2]
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
              cross join ds_properties f on f.id_number = o.subject
            where
              o.scan_id = ?
              and f.live = 1
              and f.usage in ('商业', '办公', '工业')
          )
        select
          cast('R06' as text) as "rule_code",
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
          f.usage as "fact_kind",
          f.certificate_no as "fact_ref",
          f.registered_date as "fact_date",
          coalesce(f.location, '') as "fact_text",
          f.id_number as "related_id",
          p.name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          join "scan_payments_1" p on p.id_number = f.id_number
          and 1 = 1
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
          and f.usage in ('商业', '办公', '工业')
          and f.registered_date <= ("p"."period" || '-31')
        union all
        select
          cast('R06' as text) as "rule_code",
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
          f.usage as "fact_kind",
          f.certificate_no as "fact_ref",
          f.registered_date as "fact_date",
          coalesce(f.location, '') as "fact_text",
          f.id_number as "related_id",
          f.owner_name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          cross join ds_residents m on m.live = 1
          and m.status = '正常'
          and m.household_id = f.owner_household
          and m.id_number <> f.id_number
          cross join "scan_payments_1" p on p.id_number = m.id_number
          and 1 = 1
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
          f.owner_registered = 1
          and f.live = 1
          and f.usage in ('商业', '办公', '工业')
          and f.registered_date <= ("p"."period" || '-31')
        union all
        select
          cast('R06' as text) as "rule_code",
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
          f.usage as "fact_kind",
          f.certificate_no as "fact_ref",
          f.registered_date as "fact_date",
          coalesce(f.location, '') as "fact_text",
          f.id_number as "related_id",
          f.owner_name as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          subject_facts f
          cross join "scan_payments_1" p on p.household_id = f.owner_household
          and p.id_number <> f.id_number
          and 1 = 1
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
          f.owner_registered = 1
          and "p"."registry_household" is null
          and f.live = 1
          and f.usage in ('商业', '办公', '工业')
          and f.registered_date <= ("p"."period" || '-31')
      ) hf
    union all
    select
      *
    from
      (
        with
          homes as materialized (
            select
              coalesce(o.household_id, 'P:' || f.id_number) as hkey,
              f.id_number,
              o.name as owner_name,
              f.certificate_no,
              f.location,
              f.registered_date
            from
              ds_properties f
              left join ds_residents o on o.live = 1
              and o.status = '正常'
              and o.id_number = f.id_number
            where
              f.live = 1
              and f.usage = '住宅'
              and "f"."id_number" in (
                select
                  subject
                from
                  scan_subjects
                where
                  scan_id = ?
              )
          ),
          multi as materialized (
            select
              hkey
            from
              homes
            group by
              hkey
            having
              count(distinct certificate_no) >= ?
          ),
          hp as materialized (
            select
              mh.hkey,
              p.row_id,
              p.period
            from
              multi mh
              join ds_residents m on m.live = 1
              and m.status = '正常'
              and m.household_id = mh.hkey
              join "scan_payments_1" p on p.id_number = m.id_number
              and 1 = 1
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
            union
            select
              mh.hkey,
              p.row_id,
              p.period
            from
              multi mh
              join "scan_payments_1" p on p.id_number = substr(mh.hkey, 3)
              and 1 = 1
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
              mh.hkey like 'P:%'
            union
            select
              mh.hkey,
              p.row_id,
              p.period
            from
              multi mh
              join "scan_payments_1" p on p.household_id = mh.hkey
              and 1 = 1
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
              "p"."registry_household" is null
          ),
          qualifying as materialized (
            select
              hp.hkey,
              hp.row_id
            from
              hp
              join homes hm on hm.hkey = hp.hkey
              and hm.registered_date <= ("hp"."period" || '-31')
            group by
              hp.hkey,
              hp.row_id
            having
              count(distinct hm.certificate_no) >= ?
          )
        select
          cast('R06' as text) as "rule_code",
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
          cast('住宅' as text) as "fact_kind",
          hm.certificate_no as "fact_ref",
          hm.registered_date as "fact_date",
          coalesce(hm.location, '') as "fact_text",
          hm.id_number as "related_id",
          coalesce(hm.owner_name, p.name) as "related_name",
          cast(0 as bigint) as "fuzzy"
        from
          qualifying q
          join "scan_payments_1" p on p.row_id = q.row_id
          and 1 = 1
          join homes hm on hm.hkey = q.hkey
          and hm.registered_date <= ("p"."period" || '-31')
      ) r06
  ) rule_hits
