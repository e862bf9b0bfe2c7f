import type { MigrationDb } from '../migrationTools.js';

/**
 * How much of each incremental-scan subject is re-checked (`scan_subjects.recheck`: 2 all of
 * the person's payments, 1 only the months listed in `scan_periods`, 0 none: the person is
 * listed for the facts others' payments meet through a household), and the months of the
 * people re-checked by month. A batch of new payments then re-checks the months it touches
 * instead of each beneficiary's year; the warnings keep their evidence of the other months.
 * Rows written before this migration were all re-checked in full.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('scan_subjects')
    .addColumn('recheck', 'integer', (c) => c.notNull().defaultTo(2))
    .execute();
  await db.schema
    .createTable('scan_periods')
    .addColumn('scan_id', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_periods_pk', ['scan_id', 'subject', 'period'])
    .execute();
}
