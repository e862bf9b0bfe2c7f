import type { Generated } from 'kysely';

/** Tables owned by src/rules: scans, warnings and their evidence, custom rules, the calendar. */
export interface CalendarTable {
  day: string;
  /** Days since 1970-01-01: date arithmetic that every database does alike. */
  day_number: number;
  working: number;
  /** Working days from the start of the calendar up to and including this day. */
  workday_index: number;
}

export interface RuleDefinitionTable {
  id: Generated<number>;
  code: string;
  version: number;
  name_zh: string;
  name_en: string;
  /** JSON of a CustomRuleDefinition (customRule.ts). */
  definition: string;
  active: number;
  created_by: string;
  created_at: string;
}

export type ScanKind = 'full' | 'incremental';
export type ScanStatus = 'running' | 'done' | 'failed';

export interface ScanTable {
  id: Generated<number>;
  jurisdiction_code: string;
  kind: ScanKind;
  status: ScanStatus;
  triggered_by: string;
  started_at: string;
  finished_at: string | null;
  subjects: number | null;
  progress: string | null;
  counts: string | null;
  error: string | null;
}

export interface ScanWatermarkTable {
  jurisdiction_code: string;
  approved_seq: number;
  complaint_id: number;
  settings_hash: string;
  scan_id: number;
}

export interface ScanSubjectTable {
  scan_id: number;
  subject: string;
  /** The subject's household in the registry (its live row, whatever the status). */
  household_id: string | null;
  /** The subject's name in the registry. */
  name: string | null;
  /** 1 when the subject's live registry row has normal status, 0 when not, null when not in the registry. */
  registered: number | null;
  /**
   * How much of the subject the scan re-checks: 2 every payment, 1 the payments of the months
   * in scan_periods, 0 none (listed for the facts that others' payments meet through a
   * household: their vehicles, homes, salaries…).
   */
  recheck: number;
}

/** A month of a subject that an incremental scan re-checks (recheck 1). */
export interface ScanPeriodTable {
  scan_id: number;
  subject: string;
  period: string;
}

/** One conflicting fact about one record, as a rule's query finds it. */
export interface ScanHitTable {
  scan_id: number;
  rule_code: string;
  subject: string;
  subject_kind: string;
  subject_name: string;
  village_code: string | null;
  jurisdiction_code: string | null;
  program_code: string | null;
  period: string | null;
  amount_fen: number | null;
  dataset: string;
  row_id: number | null;
  record_ref: string;
  fact_kind: string;
  fact_ref: string | null;
  fact_date: string | null;
  fact_text: string | null;
  related_id: string | null;
  related_name: string | null;
  fuzzy: number;
}

export interface RulesTables {
  scan_subjects: ScanSubjectTable;
  scan_periods: ScanPeriodTable;
  scan_hits: ScanHitTable;
  calendar: CalendarTable;
  rule_definitions: RuleDefinitionTable;
  scans: ScanTable;
  scan_watermarks: ScanWatermarkTable;
}
