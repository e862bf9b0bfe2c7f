/** Warnings and relationship networks as the API sends them; shared by the server and the web front end. */

export type WarningStatus = 'open' | 'cleared';

/**
 * A warning as `jiandu warnings` shows it (the JSON fields of docs/reference/rules.md first);
 * the API masks it (`WarningSummary`).
 */
export interface WarningView {
  rule: string;
  /** An 18-character ID number for a person; an organisation's or village's key otherwise. */
  subject_id_number: string;
  subject_name: string;
  village_code: string | null;
  program_code: string | null;
  /** `YYYY-MM` months, in order. */
  periods: string[];
  /** Integer fen. */
  amount_fen: number;
  record_ids: string[];
  /** 高, 中 or 低. */
  severity: string;
  score: number;
  explanation: string;
  fingerprint: string;
  id: number;
  /** person, organisation or village. */
  subject_kind: string;
  jurisdiction_code: string;
  status: WarningStatus;
  first_seen_scan: number;
  last_seen_scan: number;
  created_at: string;
  updated_at: string;
  cleared_at: string | null;
}

/**
 * A warning as the API sends it to the console: the subject's ID number masked
 * (431226********0015), bank accounts and ID numbers in the explanation and the record
 * references masked, and no fingerprint (a hash of the full ID number, which the few
 * possible birth dates would give back). The full number is had only through a logged
 * reveal of one warning (`WarningReveal`).
 */
export type WarningSummary = Omit<WarningView, 'fingerprint'>;

/** The warnings of a filter, a page of them, and how many there are by severity. */
export interface WarningList {
  total: number;
  warnings: WarningSummary[];
  /** The filter's warnings by severity, whatever severity it asked for. */
  bySeverity: Record<'高' | '中' | '低', number>;
}

/** What a record of evidence says about the fact it conflicts with (all may be null). */
export interface EvidenceDetails {
  fact?: string | null;
  ref?: string | null;
  date?: string | null;
  text?: string | null;
  related_id?: string | null;
  related_name?: string | null;
  [key: string]: unknown;
}

/** One reason a record is evidence (one stored evidence row). */
export interface EvidenceReason {
  seq: number;
  details: EvidenceDetails;
  /** Matched by a name that only sounds the same, not by ID number. */
  fuzzy: boolean;
  /** The person the fact is about is the warning's subject (本人), not a relative. */
  self: boolean;
}

/**
 * A record of evidence with every reason it hit for: a payment whose beneficiary and whose
 * household member both own a car is one record with two reasons.
 */
export interface EvidenceRecord {
  /** The first reason's `seq`: a stable key of the record in the warning. */
  seq: number;
  dataset: string;
  record_ref: string;
  period: string | null;
  amount_fen: number | null;
  reasons: EvidenceReason[];
}

/** The full numbers of one warning, returned by its logged reveal. */
export interface WarningReveal {
  id: number;
  subject_id_number: string;
  evidence: EvidenceRecord[];
}

/** A person in a relationship network, as the API sends it. */
export interface NetworkNode {
  /** An opaque reference of this answer (P0 is the person asked about); links refer to it. */
  id: string;
  /** The ID number, masked (431226********0015); '' when the person has none on record. */
  id_number: string;
  /** Outside the user's jurisdiction the name is masked too (李*华). */
  name: string;
  village: string | null;
  official: boolean;
  /** 0 for the person asked about, 1 for direct links, 2 for the second hop. */
  depth: number;
  /** Lives outside the user's jurisdiction. */
  outside: boolean;
}

/** A link between two people (by their references), with where it comes from (e.g. 户籍人口（同户）). */
export interface NetworkEdge {
  from: string;
  to: string;
  kind: 'household' | 'declared' | 'account' | 'phone' | 'address' | 'handler';
  source: string;
  detail: string;
}

export interface PersonNetwork {
  /** The reference of the person asked about. */
  center: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
