import type { Generated } from 'kysely';
import type { WarningStatus } from '../api/warnings.js';

/** Warnings and their evidence. Owned by src/warnings; scans (src/rules) settle them. */
export type { WarningStatus };

export interface WarningTable {
  id: Generated<number>;
  fingerprint: string;
  rule_code: string;
  rule_version: number;
  subject: string;
  subject_kind: 'person' | 'organisation' | 'village';
  subject_name: string;
  jurisdiction_code: string;
  village_code: string | null;
  program_code: string | null;
  severity: '高' | '中' | '低';
  score: number;
  amount_fen: number;
  periods: string;
  record_ids: string;
  explanation: string;
  facts: string;
  status: WarningStatus;
  first_scan_id: number;
  last_scan_id: number;
  created_at: string;
  updated_at: string;
  cleared_at: string | null;
}

export interface WarningEvidenceTable {
  warning_id: number;
  seq: number;
  dataset: string;
  row_id: number | null;
  record_ref: string;
  period: string | null;
  amount_fen: number | null;
  details: string;
  fuzzy: number;
}

export interface WarningsTables {
  warnings: WarningTable;
  warning_evidence: WarningEvidenceTable;
}
