import { sql } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from '../migrationTools.js';

/**
 * Judgements on warnings (from the closure of their leads) and the state they leave on the
 * warning: a dismissal or resolution sticks while the warning's evidence digest stays the one
 * it was judged on, and the scan reopens the warning when that evidence changes. The lead is
 * referred to by number only: the leads table belongs to another module.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('warning_judgements')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warnings.id'))
    .addColumn('judgement', 'text', (c) =>
      c.notNull().check(sql`judgement in ('confirmed', 'partly', 'false_hit', 'data_error')`),
    )
    .addColumn('lead_id', 'integer')
    .addColumn('evidence_digest', 'text')
    .addColumn('rule_code', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_code', 'text', (c) => c.notNull())
    .addColumn('judged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('judged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_judgements_warning')
    .on('warning_judgements')
    .columns(['warning_id', 'id'])
    .execute();
  await db.schema
    .createIndex('warning_judgements_rule')
    .on('warning_judgements')
    .columns(['rule_code', 'jurisdiction_code'])
    .execute();
  // Statuses now also include 'dismissed' and 'resolved' (text column, no check to change).
  await db.schema.alterTable('warnings').addColumn('evidence_digest', 'text').execute();
  await db.schema.alterTable('warnings').addColumn('judgement', 'text').execute();
  await db.schema.alterTable('warnings').addColumn('settled_digest', 'text').execute();
  await db.schema.alterTable('warnings').addColumn('settled_at', 'text').execute();
  await db.schema.alterTable('warnings').addColumn('reopened_at', 'text').execute();
}
