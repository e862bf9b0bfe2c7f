import type { MigrationDb } from '../migrationTools.js';

/**
 * An incremental scan's subjects carry their registry entry (household, name, and whether
 * their status is normal; null when they are not in the registry), looked up once when the
 * subjects are collected. The rules then read it there instead of each looking every subject
 * up in the registry again.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('scan_subjects').addColumn('household_id', 'text').execute();
  await db.schema.alterTable('scan_subjects').addColumn('name', 'text').execute();
  await db.schema.alterTable('scan_subjects').addColumn('registered', 'integer').execute();
}
