import type { Generated } from 'kysely';
import type {
  Judgement,
  LeadClass,
  LeadOrigin,
  LeadState,
  OfficeKind,
  Verdict,
} from '../api/leads.js';

/** Offices, leads and their sources, timeline, outcomes and routing. Owned by src/leads. */
export interface OfficeTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: OfficeKind;
  jurisdiction_code: string;
  /** 1 for the office that supervises and approves closure in its jurisdiction. */
  supervising: number;
  active: number;
  created_at: string;
}

/** The last case number of a county and year (see allocateCaseNo). */
export interface LeadCounterTable {
  county_code: string;
  year: number;
  last: number;
}

export interface LeadTable {
  id: Generated<number>;
  case_no: string;
  jurisdiction_code: string;
  subject: string;
  subject_name: string;
  origin: LeadOrigin;
  manual_channel: string | null;
  summary: string;
  class: LeadClass | null;
  state: LeadState;
  office_id: number | null;
  handler_id: number | null;
  routing_reason: string | null;
  assigned_on: string | null;
  deadline: string | null;
  due_warned_at: string | null;
  supervised_at: string | null;
  extension_requested_to: string | null;
  extension_reason: string | null;
  extensions: Generated<number>;
  version: Generated<number>;
  amount_fen: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface LeadSourceTable {
  id: Generated<number>;
  lead_id: number;
  warning_id: number | null;
  complaint_id: number | null;
  judgement: Judgement | null;
  added_at: string;
  /** Set when the source was split off into another lead; the row stays as history. */
  split_at: string | null;
}

export interface LeadEventTable {
  id: Generated<number>;
  lead_id: number;
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  details: string | null;
}

export interface LeadOutcomeTable {
  lead_id: number;
  verdict: Verdict;
  findings: string;
  recover_fen: number;
  recovered_fen: number;
  record_corrected: number;
  correction_note: string | null;
  submitted_by: number | null;
  submitted_at: string;
}

export interface LeadAccountabilityTable {
  id: Generated<number>;
  lead_id: number;
  kind: string;
  person_name: string;
  decided_on: string;
  document_no: string | null;
}

export interface RoutingRuleTable {
  id: Generated<number>;
  priority: number;
  jurisdiction_prefix: string;
  /** JSON arrays, null for any. */
  rule_codes: string | null;
  program_codes: string | null;
  min_amount_fen: number | null;
  severities: string | null;
  involves_official: number | null;
  result_class: LeadClass;
  office_kind: OfficeKind;
  active: number;
  created_by: number | null;
  created_at: string;
}

export interface LeadsTables {
  offices: OfficeTable;
  lead_counters: LeadCounterTable;
  leads: LeadTable;
  lead_sources: LeadSourceTable;
  lead_events: LeadEventTable;
  lead_outcomes: LeadOutcomeTable;
  lead_accountability: LeadAccountabilityTable;
  routing_rules: RoutingRuleTable;
}
