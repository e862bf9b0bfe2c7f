import { sql } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from '../migrationTools.js';

/**
 * The cross-check engine (scans, warnings with their evidence, custom rule definitions, the
 * working-day calendar) and the complaints the portal takes, which rule R15 reads.
 */
export async function up(db: MigrationDb): Promise<void> {
  // What the rules look up in live data, indexed only where live = 1: imports (live = 0)
  // do not pay for these, approvals do.
  const liveIndexes: [string, string[]][] = [
    ['ds_disbursements', ['id_number', 'period']],
    ['ds_disbursements', ['bank_account', 'period']],
    ['ds_disbursements', ['handler_id_number']],
    ['ds_disbursements', ['program_code', 'period']],
    ['ds_disbursements', ['household_id']],
    ['ds_residents', ['id_number']],
    ['ds_residents', ['household_id']],
    ['ds_residents', ['village_code']],
    ['ds_officials', ['id_number']],
    ['ds_relations', ['official_id_number']],
    ['ds_relations', ['relative_id_number']],
    ['ds_programs', ['program_code']],
    ['ds_deaths', ['id_number']],
    ['ds_payroll', ['id_number', 'period']],
    ['ds_vehicles', ['id_number']],
    ['ds_properties', ['id_number']],
    ['ds_disabilities', ['id_number']],
    ['ds_approvals', ['handler_id_number']],
  ];
  for (const [table, columns] of liveIndexes) {
    await db.schema
      .createIndex(`${table}_live_${columns.join('_')}`)
      .on(table)
      .columns(columns)
      .where(sql.ref('live'), '=', 1)
      .execute();
  }
  await db.schema
    .createIndex('ds_business_people_row')
    .on('ds_business_people')
    .columns(['batch_id', 'row_number'])
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('complaint_no', 'text', (c) => c.notNull().unique())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('official_id_number', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaints_village')
    .on('complaints')
    .columns(['village_code', 'topic'])
    .execute();
  await db.schema
    .createIndex('complaints_official')
    .on('complaints')
    .column('official_id_number')
    .execute();

  await db.schema
    .createTable('calendar')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('day_number', 'integer', (c) => c.notNull())
    .addColumn('working', 'integer', (c) => c.notNull())
    .addColumn('workday_index', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rule_definitions')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_definitions_version', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('scans')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('triggered_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('subjects', 'integer')
    .addColumn('progress', 'text')
    .addColumn('counts', 'text')
    .addColumn('error', 'text')
    .execute();

  // One scan at a time per jurisdiction: a second running scan cannot be inserted.
  await db.schema
    .createIndex('scans_one_running')
    .on('scans')
    .column('jurisdiction_code')
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();

  await db.schema
    .createTable('scan_watermarks')
    .addColumn('jurisdiction_code', 'text', (c) => c.primaryKey())
    .addColumn('approved_seq', 'integer', (c) => c.notNull())
    .addColumn('complaint_id', 'integer', (c) => c.notNull())
    .addColumn('settings_hash', 'text', (c) => c.notNull())
    .addColumn('scan_id', 'integer', (c) => c.notNull())
    .execute();

  // Working tables of a scan: the subjects an incremental scan re-checks, and every hit
  // (one conflicting fact about one record) before hits become warnings.
  await db.schema
    .createTable('scan_subjects')
    .addColumn('scan_id', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_subjects_pk', ['scan_id', 'subject'])
    .execute();
  await db.schema
    .createTable('scan_hits')
    .addColumn('scan_id', 'integer', (c) => c.notNull())
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text')
    .addColumn('jurisdiction_code', 'text')
    .addColumn('program_code', 'text')
    .addColumn('period', 'text')
    .addColumn('amount_fen', 'bigint')
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('row_id', 'bigint')
    .addColumn('record_ref', 'text', (c) => c.notNull())
    .addColumn('fact_kind', 'text', (c) => c.notNull())
    .addColumn('fact_ref', 'text')
    .addColumn('fact_date', 'text')
    .addColumn('fact_text', 'text')
    .addColumn('related_id', 'text')
    .addColumn('related_name', 'text')
    .addColumn('fuzzy', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scan_hits_scan')
    .on('scan_hits')
    .columns(['scan_id', 'rule_code', 'subject'])
    .execute();

  await db.schema
    .createTable('warnings')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text')
    .addColumn('program_code', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('periods', 'text', (c) => c.notNull())
    .addColumn('record_ids', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_scan_id', 'integer', (c) => c.notNull())
    .addColumn('last_scan_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .execute();
  await db.schema
    .createIndex('warnings_rule')
    .on('warnings')
    .columns(['rule_code', 'status'])
    .execute();
  await db.schema
    .createIndex('warnings_jurisdiction')
    .on('warnings')
    .column('jurisdiction_code')
    .execute();
  await db.schema.createIndex('warnings_subject').on('warnings').column('subject').execute();

  await db.schema
    .createTable('warning_evidence')
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warnings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('row_id', 'bigint')
    .addColumn('record_ref', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('amount_fen', 'bigint')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('fuzzy', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('warning_evidence_pk', ['warning_id', 'seq'])
    .execute();
}
