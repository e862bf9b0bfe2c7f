import { maskIdNumber } from '../core/redact.js';
import type {
  EvidenceDetails,
  EvidenceRecord,
  WarningSummary,
  WarningView,
} from '../api/warnings.js';
import { maskNumbers } from '../rules/maskNumbers.js';
import { toWarningView, type EvidenceRow, type WarningRow } from './warningsRepository.js';

/**
 * Warnings as the API sends them. Staff read warnings every day, and a list is a list of
 * people: it shows their ID numbers masked, and bank accounts masked wherever they appear
 * (explanations, record references, evidence), so that the full numbers leave the server
 * only through a logged reveal of one warning. Masking runs on the way out, so that
 * explanations stored by an older release are masked too.
 */

/** A person's ID number masked; an organisation's or village's key with any long number masked. */
export function maskedSubject(subject: string, kind: string): string {
  return kind === 'person' ? maskIdNumber(subject) : maskNumbers(subject);
}

/** A warning (a stored row, or a view of one) as the API sends it. */
export function maskedWarningView(warning: WarningRow | WarningView): WarningSummary {
  const { fingerprint: _fingerprint, ...view } =
    'rule_code' in warning ? toWarningView(warning) : warning;
  return {
    ...view,
    subject_id_number: maskedSubject(view.subject_id_number, view.subject_kind),
    subject_name: maskNumbers(view.subject_name),
    explanation: maskNumbers(view.explanation),
    record_ids: view.record_ids.map(maskNumbers),
  };
}

function maskedDetails(
  parsed: Record<string, unknown>,
  mask: (text: string) => string,
): EvidenceDetails {
  return Object.fromEntries(
    Object.entries(parsed).map(([key, value]) => [
      key,
      typeof value === 'string' ? mask(value) : value,
    ]),
  );
}

/**
 * The stored evidence rows of a warning as records, each with every reason it hit for, in
 * the order of their first reason. `masked` masks ID numbers and accounts in every text;
 * the reveal asks for them in full.
 */
export function evidenceRecords(
  rows: readonly EvidenceRow[],
  subject: string,
  options: { masked: boolean },
): EvidenceRecord[] {
  const mask = options.masked ? maskNumbers : (text: string): string => text;
  const records = new Map<string, EvidenceRecord>();
  for (const row of rows) {
    const key = `${row.dataset}\u0000${row.record_ref}`;
    let record = records.get(key);
    if (!record) {
      record = {
        seq: row.seq,
        dataset: row.dataset,
        record_ref: mask(row.record_ref),
        period: row.period,
        amount_fen: row.amount_fen,
        reasons: [],
      };
      records.set(key, record);
    }
    const details = JSON.parse(row.details) as Record<string, unknown>;
    record.reasons.push({
      seq: row.seq,
      details: maskedDetails(details, mask),
      fuzzy: row.fuzzy === 1,
      self: details.related_id === subject,
    });
  }
  return [...records.values()];
}
