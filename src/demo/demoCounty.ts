/**
 * The synthetic county of `jiandu init --demo`, the rule engine's tests and the benchmark: a
 * county built on real division codes, with injected violations of every rule and near misses
 * that must not raise a warning.
 */

export interface DemoOptions {
  /** 12-digit code of a county (default '431226000000'), a township or a village. */
  region: string;
  /** Total residents (3,000 for the demo, 300,000 for the benchmark). */
  people: number;
  seed: number;
  /** The payment year (payments for its 12 months), default 2024. */
  year: number;
}

export const defaultDemoOptions: DemoOptions = {
  region: '431226000000',
  people: 3000,
  seed: 1,
  year: 2024,
};

/**
 * One row of a template, keyed by the template's English keys, values as a clerk would type
 * them in their valid forms ('' when empty).
 */
export type DatasetRows = Record<string, string>;

export interface DemoComplaint {
  complaint_id: string;
  received_date: string;
  village_code: string;
  topic: string;
  /** '' when the complaint names no official. */
  official_id_number: string;
  content: string;
}

export interface ExpectedHit {
  rule: string;
  /**
   * The beneficiary's ID number (R01–R12, R16), the payee's (R13), the handler's ID number or
   * the organisation when there is no handler (R14), the official's ID number or the village
   * code (R15).
   */
  subject: string;
  /** The programme for payment rules (R01–R12, R16), null otherwise. */
  program_code: string | null;
  note: string;
}

export interface DemoCounty {
  rows: { [dataset: string]: DatasetRows[] };
  complaints: DemoComplaint[];
  /** Every warning a correct engine raises on this data, one per (rule, subject, programme). */
  expected: ExpectedHit[];
  /** Situations that look like a hit but must not raise a warning for that key. */
  nearMisses: ExpectedHit[];
  /** The 'today' the data assumes (R14 counts open cases to it). */
  today: string;
}

/** The identity of a warning: rule, subject and programme. */
export function hitKey(hit: Pick<ExpectedHit, 'rule' | 'subject' | 'program_code'>): string {
  return `${hit.rule}|${hit.subject}|${hit.program_code ?? ''}`;
}
