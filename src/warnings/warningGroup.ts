import type { Selectable } from 'kysely';
import type { ScanHitTable } from '../rules/rulesTables.js';

export type Hit = Selectable<ScanHitTable>;

/** All the hits of one warning: one rule, one subject and (for payment rules) one programme. */
export interface WarningGroup {
  rule: string;
  subject: string;
  subjectKind: string;
  subjectName: string;
  villageCode: string | null;
  jurisdictionCode: string | null;
  programCode: string | null;
  programName: string | null;
  /** Distinct periods of the offending records, sorted. */
  periods: string[];
  /** Money of the offending records, each record counted once. */
  amountFen: number;
  /** Distinct records (payment record ids, case numbers…), in order. */
  records: string[];
  hits: Hit[];
}

export function groupKey(hit: {
  rule_code: string;
  subject: string;
  program_code: string | null;
}): string {
  return `${hit.rule_code}\u001f${hit.subject}\u001f${hit.program_code ?? ''}`;
}
