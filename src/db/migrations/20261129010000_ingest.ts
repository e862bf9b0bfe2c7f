import { createDatasetTable, idColumn, idColumnType, type MigrationDb } from '../migrationTools.js';

/** Data collection: batches, quarantine, header mappings, exchange credentials, the datasets. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('ingest_batches')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_hash', 'text')
    .addColumn('file_bytes', 'bigint')
    .addColumn('format', 'text')
    .addColumn('encoding', 'text')
    .addColumn('uploader_id', 'integer')
    .addColumn('uploader_name', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('versions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quality', 'text')
    .addColumn('reviewed_by_id', 'integer')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('override', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rolled_back_by_name', 'text')
    .addColumn('rolled_back_at', 'text')
    .addColumn('rollback_note', 'text')
    .addColumn('approved_seq', 'integer')
    .addColumn('parent_batch_id', 'integer')
    .addColumn('importer', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('ingest_batches_dataset')
    .on('ingest_batches')
    .columns(['dataset', 'status'])
    .execute();
  await db.schema
    .createIndex('ingest_batches_jurisdiction')
    .on('ingest_batches')
    .column('jurisdiction_code')
    .execute();

  await db.schema
    .createTable('ingest_quarantine')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('ingest_batches.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('resolved_batch_id', 'integer')
    .execute();
  await db.schema
    .createIndex('ingest_quarantine_batch')
    .on('ingest_quarantine')
    .columns(['batch_id', 'row_number'])
    .execute();

  await db.schema
    .createTable('header_mappings')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('header_mappings_unique', ['dataset', 'source'])
    .execute();

  await db.schema
    .createTable('exchange_credentials')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('datasets', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await createDatasetTable(db, 'ds_residents', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['gender', 'text'],
    ['birth_date', 'text'],
    ['household_id', 'text'],
    ['relation_to_head', 'text'],
    ['village_code', 'text'],
    ['address', 'text'],
    ['phone', 'text'],
    ['status', 'text'],
    ['name_fold', 'text'],
    ['name_pinyin', 'text'],
  ]);
  await createDatasetTable(db, 'ds_officials', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['organisation', 'text'],
    ['position', 'text'],
    ['category', 'text'],
    ['jurisdiction_code', 'text'],
    ['start_date', 'text'],
    ['end_date', 'text'],
    ['state_paid', 'integer'],
  ]);
  await createDatasetTable(db, 'ds_relations', [
    ['official_id_number', 'text'],
    ['relative_id_number', 'text'],
    ['relative_name', 'text'],
    ['relation', 'text'],
  ]);
  await createDatasetTable(db, 'ds_programs', [
    ['program_code', 'text'],
    ['name', 'text'],
    ['department', 'text'],
    ['standard_monthly_fen', 'bigint'],
    ['means_tested', 'integer'],
    ['min_age', 'integer'],
    ['requires_disability', 'integer'],
    ['exclusive_with', 'text'],
  ]);
  await createDatasetTable(db, 'ds_disbursements', [
    ['record_id', 'text'],
    ['program_code', 'text'],
    ['id_number', 'text'],
    ['name', 'text'],
    ['village_code', 'text'],
    ['household_id', 'text'],
    ['household_size', 'integer'],
    ['period', 'text'],
    ['pay_date', 'text'],
    ['amount_fen', 'bigint'],
    ['bank_account', 'text'],
    ['account_holder', 'text'],
    ['account_holder_id_number', 'text'],
    ['handler_id_number', 'text'],
    ['name_fold', 'text'],
    ['holder_fold', 'text'],
    ['holder_pinyin', 'text'],
  ]);
  await createDatasetTable(db, 'ds_deaths', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['death_date', 'text'],
    ['source_kind', 'text'],
  ]);
  await createDatasetTable(db, 'ds_payroll', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['employer', 'text'],
    ['period', 'text'],
    ['amount_fen', 'bigint'],
  ]);
  await createDatasetTable(db, 'ds_vehicles', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['plate', 'text'],
    ['vehicle_type', 'text'],
    ['registered_date', 'text'],
    ['cancelled_date', 'text'],
  ]);
  await createDatasetTable(db, 'ds_properties', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['certificate_no', 'text'],
    ['location', 'text'],
    ['usage', 'text'],
    ['floor_area', 'double precision'],
    ['registered_date', 'text'],
  ]);
  await createDatasetTable(db, 'ds_businesses', [
    ['credit_code', 'text'],
    ['business_name', 'text'],
    ['legal_rep_id_number', 'text'],
    ['shareholder_id_numbers', 'text'],
    ['registered_capital', 'double precision'],
    ['established_date', 'text'],
    ['status', 'text'],
    ['closed_date', 'text'],
  ]);
  await createDatasetTable(db, 'ds_disabilities', [
    ['id_number', 'text'],
    ['name', 'text'],
    ['certificate_no', 'text'],
    ['disability_type', 'text'],
    ['disability_level', 'text'],
    ['issued_date', 'text'],
    ['valid_until', 'text'],
  ]);
  await createDatasetTable(db, 'ds_approvals', [
    ['case_no', 'text'],
    ['item', 'text'],
    ['applicant_id_number', 'text'],
    ['organisation', 'text'],
    ['handler_id_number', 'text'],
    ['received_date', 'text'],
    ['decided_date', 'text'],
    ['time_limit_days', 'integer'],
    ['result', 'text'],
  ]);
  // The people of a business (legal representative and shareholders), one row each, so the
  // rules can join on ID numbers; they belong to the business row (batch and line) and are
  // live when it is.
  await db.schema
    .createTable('ds_business_people')
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ds_business_people_pk', [
      'batch_id',
      'row_number',
      'id_number',
      'role',
    ])
    .execute();
  await db.schema
    .createIndex('ds_business_people_id')
    .on('ds_business_people')
    .column('id_number')
    .execute();
}
