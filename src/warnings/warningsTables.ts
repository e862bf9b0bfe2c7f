import type { Generated } from 'kysely';
import type { Judgement, WarningStatus } from '../api/warnings.js';

/** Warnings and their evidence. Owned by src/warnings; scans (src/rules) settle them. */
export type { Judgement, WarningStatus };

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
  /** Digest of the evidence alone (evidenceDigestOf); null on rows no scan has rewritten since. */
  evidence_digest: string | null;
  /** The latest judgement of the warning, if any. */
  judgement: Judgement | null;
  /** The evidence digest a dismissal or resolution was made on: it sticks while it matches. */
  settled_digest: string | null;
  settled_at: string | null;
  /** Set when a scan reopened a dismissed or resolved warning; cleared by the next judgement. */
  reopened_at: string | null;
}

export interface WarningJudgementTable {
  id: Generated<number>;
  warning_id: number;
  judgement: Judgement;
  /** The lead that judged (no foreign key: leads belong to src/leads). */
  lead_id: number | null;
  evidence_digest: string | null;
  rule_code: string;
  jurisdiction_code: string;
  judged_by: number | null;
  judged_at: string;
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
  warning_judgements: WarningJudgementTable;
}
