import { sql, type SqlBool } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from '../migrationTools.js';

/**
 * Lead handling (问题线索): offices that verify leads, users' offices, the leads themselves
 * with their sources, timeline, outcome and accountability, the per county-year counter of
 * case numbers, and routing rules kept as data. Times are ISO text, money integer fen.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('offices')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('civil_affairs', 'discipline', 'finance', 'human_resources', 'agriculture', 'other')`,
        ),
    )
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('supervising', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('offices_code', ['jurisdiction_code', 'code'])
    .execute();
  await db.schema
    .createIndex('offices_kind')
    .on('offices')
    .columns(['kind', 'jurisdiction_code'])
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .execute();
  // Users carry no ID number; a hash of it (when known) lets routing keep a lead from a handler
  // in the named person's relationship network without storing the number itself.
  await db.schema.alterTable('users').addColumn('id_number_hash', 'text').execute();

  await db.schema
    .createTable('lead_counters')
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_counters_pk', ['county_code', 'year'])
    .execute();

  await db.schema
    .createTable('leads')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) =>
      c.notNull().check(sql`origin in ('warning', 'complaint', 'manual')`),
    )
    .addColumn('manual_channel', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) =>
      c.check(sql`class in ('data_correction', 'rectification', 'clue_transfer')`),
    )
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(sql`state in ('triage', 'assigned', 'verifying', 'review', 'closed', 'archived')`),
    )
    .addColumn('office_id', 'integer', (c) => c.references('offices.id'))
    .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
    .addColumn('routing_reason', 'text')
    .addColumn('assigned_on', 'text')
    .addColumn('deadline', 'text')
    .addColumn('due_warned_at', 'text')
    .addColumn('supervised_at', 'text')
    .addColumn('extension_requested_to', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  // The queues: by state within a jurisdiction, an office's and a handler's work, deadlines.
  await db.schema
    .createIndex('leads_state')
    .on('leads')
    .columns(['state', 'jurisdiction_code'])
    .execute();
  await db.schema.createIndex('leads_office').on('leads').columns(['office_id', 'state']).execute();
  await db.schema
    .createIndex('leads_handler')
    .on('leads')
    .columns(['handler_id', 'state'])
    .execute();
  await db.schema
    .createIndex('leads_deadline')
    .on('leads')
    .columns(['deadline', 'state'])
    .execute();
  await db.schema
    .createIndex('leads_jurisdiction')
    .on('leads')
    .columns(['jurisdiction_code', 'created_at'])
    .execute();

  await db.schema
    .createTable('lead_sources')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id'))
    .addColumn('warning_id', 'integer', (c) => c.references('warnings.id'))
    .addColumn('complaint_id', 'integer', (c) => c.references('complaints.id'))
    .addColumn('judgement', 'text', (c) =>
      c.check(sql`judgement in ('confirmed', 'partly', 'false_hit', 'data_error')`),
    )
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('split_at', 'text')
    .addCheckConstraint('lead_sources_one', sql`(warning_id is null) <> (complaint_id is null)`)
    .execute();
  await db.schema.createIndex('lead_sources_lead').on('lead_sources').column('lead_id').execute();
  // A warning or complaint belongs to at most one lead at a time: split rows step aside.
  await db.schema
    .createIndex('lead_sources_warning')
    .on('lead_sources')
    .column('warning_id')
    .unique()
    .where(sql<SqlBool>`warning_id is not null and split_at is null`)
    .execute();
  await db.schema
    .createIndex('lead_sources_complaint')
    .on('lead_sources')
    .column('complaint_id')
    .unique()
    .where(sql<SqlBool>`complaint_id is not null and split_at is null`)
    .execute();

  await db.schema
    .createTable('lead_events')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'text')
    .addUniqueConstraint('lead_events_seq', ['lead_id', 'seq'])
    .execute();

  await db.schema
    .createTable('lead_outcomes')
    .addColumn('lead_id', 'integer', (c) => c.primaryKey().references('leads.id'))
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('true', 'partly', 'false')`),
    )
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('recover_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('recovered_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('record_corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('correction_note', 'text')
    .addColumn('submitted_by', 'integer')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lead_accountability')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .execute();
  await db.schema
    .createIndex('lead_accountability_lead')
    .on('lead_accountability')
    .column('lead_id')
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('jurisdiction_prefix', 'text', (c) => c.notNull())
    .addColumn('rule_codes', 'text')
    .addColumn('program_codes', 'text')
    .addColumn('min_amount_fen', 'bigint')
    .addColumn('severities', 'text')
    .addColumn('involves_official', 'integer')
    .addColumn('result_class', 'text', (c) =>
      c.notNull().check(sql`result_class in ('data_correction', 'rectification', 'clue_transfer')`),
    )
    .addColumn('office_kind', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
