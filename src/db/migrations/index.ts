import type { Migration } from 'kysely';
import * as foundation from './20261129000000_foundation.js';
import * as ingest from './20261129010000_ingest.js';
import * as rules from './20261129020000_rules.js';
import * as businessRows from './20261129030000_business_rows.js';
import * as liveKeyIndex from './20261129040000_live_key_index.js';
import * as residentNames from './20261129050000_resident_names.js';
import * as liveChanges from './20261129060000_live_changes.js';
import * as subjectRegistry from './20261129070000_subject_registry.js';
import * as recheckPeriods from './20261129080000_recheck_periods.js';
import * as unloggedScanTables from './20261129090000_unlogged_scan_tables.js';
import * as rowDivisions from './20261203000000_row_divisions.js';
import * as scopedHeaderMappings from './20261203010000_scoped_header_mappings.js';
import * as loginClients from './20261203020000_login_clients.js';
import * as batchFixedRows from './20261203030000_batch_fixed_rows.js';
import * as jobs from './20261210000000_jobs.js';
import * as leads from './20261215000000_leads.js';
import * as warningJudgements from './20261220010000_warning_judgements.js';

/**
 * Every migration, in order. A test checks that each file in this folder is listed here, so
 * the list cannot go stale.
 */
export const migrations: Record<string, Migration> = {
  '20261129000000_foundation': foundation,
  '20261129010000_ingest': ingest,
  '20261129020000_rules': rules,
  '20261129030000_business_rows': businessRows,
  '20261129040000_live_key_index': liveKeyIndex,
  '20261129050000_resident_names': residentNames,
  '20261129060000_live_changes': liveChanges,
  '20261129070000_subject_registry': subjectRegistry,
  '20261129080000_recheck_periods': recheckPeriods,
  '20261129090000_unlogged_scan_tables': unloggedScanTables,
  '20261203000000_row_divisions': rowDivisions,
  '20261203010000_scoped_header_mappings': scopedHeaderMappings,
  '20261203020000_login_clients': loginClients,
  '20261203030000_batch_fixed_rows': batchFixedRows,
  '20261210000000_jobs': jobs,
  '20261215000000_leads': leads,
  '20261220010000_warning_judgements': warningJudgements,
};
