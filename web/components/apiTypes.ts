import type {
  EvidenceDetails,
  EvidenceReason,
  EvidenceRecord,
  NetworkEdge,
  NetworkNode,
  PersonNetwork,
  WarningList,
  WarningReveal,
  WarningSummary,
} from '../../src/api/warnings';

/** The shapes of the API answers the front end reads (the schema.ts files in src/server). */
export interface DivisionSummary {
  code: string;
  name: string;
  /** 0 country, 1 province, 2 city, 3 county, 4 township, 5 village. */
  level: number;
  /** Names from the province down: "湖南省 怀化市 麻阳苗族自治县". */
  fullName: string;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  /** One of `roles` (src/api/roles.ts); a string, as the server sends it. */
  role: string;
  jurisdictionCode: string;
  mustChangePassword: boolean;
}

export interface MeResponse {
  user: SessionUser;
  jurisdiction: DivisionSummary;
}

export interface LoginResponse {
  user: SessionUser;
}

export interface OkResponse {
  ok: boolean;
}

export interface UserSummary extends SessionUser {
  /** Name of the user's division, e.g. 锦和镇. */
  jurisdictionName: string;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UsersResponse {
  users: UserSummary[];
}

export interface CreateUserResponse {
  user: UserSummary;
  oneTimePassword: string;
}

export interface ResetPasswordResponse {
  oneTimePassword: string;
}

export interface Division {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface DivisionsResponse {
  divisions: Division[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityIds: string[];
  jurisdictionCode: string | null;
  before: string | null;
  after: string | null;
  hash: string;
}

export interface AuditResponse {
  entries: AuditEntry[];
}

export interface AuditVerifyResponse {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstBreak: { kind: string; seq: number } | null;
  message: string;
}

export interface PortalHomeResponse {
  jurisdiction: DivisionSummary;
  areas: { code: string; name: string; villages: number }[];
}

/** A column of an import template (src/ingest/datasets). */
export interface DatasetField {
  key: string;
  /** The Chinese column header of the template. */
  header: string;
  required: boolean;
  kind: string;
  /** The allowed values of an enumerated column. */
  values?: string[];
}

export interface DatasetSummary {
  key: string;
  /** In the interface language (the server reads the language cookie). */
  name: string;
  /** The department that usually supplies it, e.g. 民政局. */
  department: string;
  fields: DatasetField[];
}

export interface DatasetsResponse {
  datasets: DatasetSummary[];
}

/** Data quality on five dimensions, each a score from 0 to 100 with the counts behind it. */
export interface QualityReport {
  completeness: { score: number; filled: number; expected: number };
  validity: { score: number; valid: number; rows: number };
  uniqueness: { score: number; repeated: number; rows: number };
  consistency: {
    score: number;
    inconsistent: number;
    rows: number;
    /** Check name (row_warnings, not_in_registry…) → rows that failed it. */
    checks: Record<string, number>;
  };
  timeliness: { score: number | null; newest: string | null; ageDays: number | null };
}

export interface DatasetQualityResponse {
  quality: QualityReport;
  liveRows: number;
}

export interface ImportProgress {
  rowsRead: number;
  accepted: number;
  quarantined: number;
}

/** What an import produced (snake_case, as the command line prints it too). */
export interface ImportSummary {
  batch_id: number;
  dataset: string;
  source: string;
  status: string;
  rows: number;
  accepted: number;
  quarantined: number;
  duplicates: number;
  versions: number;
  quality: QualityReport;
  file_hash: string | null;
  /** When a fix file joined the pending batch it fixes: that batch. */
  merged_into: number | null;
}

export type ImportJobState = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  dataset: string;
  fileName: string;
  state: ImportJobState;
  /** While queued: the place in line (1: next). */
  queuePosition: number | null;
  progress: ImportProgress;
  startedAt: string;
  endedAt: string | null;
  summary: ImportSummary | null;
  /** A failed import: the reason in plain words, in the interface language. */
  error: { code: string; message: string } | null;
}

export interface ImportJobResponse {
  job: ImportJob;
}

export interface BatchView {
  id: number;
  dataset: string;
  source: string;
  /** file, exchange or fix. */
  channel: string;
  fileName: string | null;
  /** SHA-256 of the file, hex. */
  fileHash: string | null;
  /** The user name of whoever imported it. */
  uploader: string;
  jurisdictionCode: string;
  createdAt: string;
  finishedAt: string | null;
  /** One of `batchStatuses` (batchStatus.ts); a string, as the server sends it. */
  status: string;
  rows: number;
  accepted: number;
  quarantined: number;
  /** Quarantined rows a later fix file brought in. */
  fixed: number;
  duplicates: number;
  versions: number;
  quality: QualityReport | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  override: boolean;
  parentBatchId: number | null;
  uploaderId: number | null;
  rolledBackBy: string | null;
  rolledBackAt: string | null;
  rollbackNote: string | null;
  /** False when the reader sees only the part of the batch inside their jurisdiction. */
  whole: boolean;
  /** The saved column names the file was read with. */
  headerMapping: {
    source: string;
    jurisdiction_code: string;
    saved_by: string;
    saved_at: string;
    columns: number;
  } | null;
}

export interface BatchesResponse {
  batches: BatchView[];
}

export interface BatchResponse {
  batch: BatchView;
  /** The validity score below which approval needs an override (GET only). */
  validityThreshold?: number;
}

export interface QuarantineProblem {
  field: string | null;
  header: string | null;
  value: string;
  code: string;
  /** In the interface language. */
  reason: string;
}

export interface QuarantineRow {
  /** The row's line in the file (the header is line 1). */
  rowNumber: number;
  /** The row as given: header → text. */
  raw: Record<string, string>;
  problems: QuarantineProblem[];
  /** A later fix file brought the row again. */
  resolved: boolean;
}

export interface QuarantineResponse {
  total: number;
  rows: QuarantineRow[];
}

/** The three severities of a warning, as the server spells them. */
export type WarningSeverity = '高' | '中' | '低';

/**
 * A warning: rules.md's fields, then ours (src/api/warnings.ts), with the subject's ID
 * number masked; the full one comes from a logged reveal (`WarningReveal`).
 */
export type Warning = WarningSummary;

/** A page of warnings, the total, and the filter's counts by severity. */
export type WarningsResponse = WarningList;

export type { EvidenceDetails, EvidenceReason, WarningReveal };

/** A record of evidence with every reason it hit for. */
export type WarningEvidence = EvidenceRecord;

export interface WarningResponse {
  warning: Warning;
  /** The rule's name in the interface language. */
  ruleName: string;
  evidence: WarningEvidence[];
}

export type { NetworkEdge, NetworkNode };

export type PersonNetworkResponse = PersonNetwork;

export interface ScanProgress {
  rule?: string;
  done?: number;
  total?: number;
}

export interface ScanCounts {
  new: number;
  updated: number;
  unchanged: number;
  cleared: number;
  open: number;
}

export interface ScanView {
  id: number;
  /** full or incremental. */
  kind: string;
  /** running, done or failed. */
  status: string;
  triggeredBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** People an incremental scan re-checked; null for a full scan. */
  subjects: number | null;
  progress: ScanProgress | null;
  counts: ScanCounts | null;
  error: string | null;
}

export interface ScansResponse {
  /** The latest first. */
  scans: ScanView[];
  running: boolean;
  queued: boolean;
  lastError: string | null;
}
