/** Warnings and relationship networks as the API sends them; shared by the server and the web front end. */

export type WarningStatus = 'open' | 'cleared';

/** A warning as the API, the console and `jiandu warnings` show it (rules.md's JSON fields first). */
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

/** A person in a relationship network. */
export interface NetworkNode {
  /** An ID number; outside the user's jurisdiction a masked one, "辖区外-431226********0015". */
  id: string;
  name: string;
  village: string | null;
  official: boolean;
  /** 0 for the person asked about, 1 for direct links, 2 for the second hop. */
  depth: number;
}

/** A link between two people, with where it comes from (e.g. 户籍人口（同户）). */
export interface NetworkEdge {
  from: string;
  to: string;
  kind: 'household' | 'declared' | 'account' | 'phone' | 'address' | 'handler';
  source: string;
  detail: string;
}

export interface PersonNetwork {
  center: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
