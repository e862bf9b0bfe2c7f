import crypto from 'node:crypto';
import type { BuiltinRule, Severity } from '../rules/builtinRule.js';
import { groupKey, type Hit, type WarningGroup } from './warningGroup.js';

/** A warning as a scan computes it, before it meets the table. */
export interface ComputedWarning {
  fingerprint: string;
  group: WarningGroup;
  severity: Severity;
  score: number;
  explanation: string;
  /** Digest of what the warning says: a rescan with the same digest changes nothing. */
  digest: string;
  /** Digest of its evidence alone (evidenceDigestOf): what a dismissal is judged on. */
  evidenceDigest: string;
}

/** The stable identity of a warning: one rule, one subject, one programme. */
export function fingerprintOf(rule: string, subject: string, program: string | null): string {
  return crypto
    .createHash('sha256')
    .update(`${rule}|${subject}|${program ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/** Gathers hits into warning groups; money counts each record once. */
export function groupHits(
  hits: readonly Hit[],
  programNames: ReadonlyMap<string, string>,
): WarningGroup[] {
  const groups = new Map<string, WarningGroup & { seen: Set<string> }>();
  for (const hit of hits) {
    const key = groupKey(hit);
    let group = groups.get(key);
    if (!group) {
      group = {
        rule: hit.rule_code,
        subject: hit.subject,
        subjectKind: hit.subject_kind,
        subjectName: hit.subject_name,
        villageCode: hit.village_code,
        jurisdictionCode: hit.jurisdiction_code,
        programCode: hit.program_code,
        programName: hit.program_code ? (programNames.get(hit.program_code) ?? null) : null,
        periods: [],
        amountFen: 0,
        records: [],
        hits: [],
        seen: new Set(),
      };
      groups.set(key, group);
    }
    group.hits.push(hit);
    if (hit.period && !group.periods.includes(hit.period)) group.periods.push(hit.period);
    const record = `${hit.dataset}:${hit.record_ref}`;
    if (!group.seen.has(record)) {
      group.seen.add(record);
      group.records.push(hit.record_ref);
      group.amountFen += hit.amount_fen ?? 0;
    }
  }
  return [...groups.values()].map(({ seen: _seen, ...group }) => {
    group.periods.sort();
    return group;
  });
}

const severityBase: Record<Severity, number> = { 高: 60, 中: 45, 低: 30 };

/**
 * Risk from 0 to 100: the rule's weight, plus money (up to 20 points, logarithmic: 100 yuan
 * 8, 10,000 yuan 16), the number of periods (a point each, up to 10) and the other rules the
 * same subject hits (5 points each, up to 10). A high score raises the severity.
 */
export function riskOf(
  rule: BuiltinRule | { severity: Severity },
  group: WarningGroup,
  otherRules: number,
): { score: number; severity: Severity } {
  const yuan = group.amountFen / 100;
  const moneyPoints = yuan > 0 ? Math.min(20, Math.round((Math.log10(1 + yuan) / 5) * 20)) : 0;
  const score = Math.min(
    100,
    severityBase[rule.severity] +
      moneyPoints +
      Math.min(10, group.periods.length) +
      Math.min(10, otherRules * 5),
  );
  const severity: Severity =
    score >= 80 ? '高' : score >= 60 && rule.severity === '低' ? '中' : rule.severity;
  return { score, severity };
}

export function digestOf(
  w: Omit<ComputedWarning, 'digest' | 'evidenceDigest' | 'fingerprint'>,
): string {
  const g = w.group;
  return crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        g.periods,
        g.records,
        g.amountFen,
        w.explanation,
        w.severity,
        w.score,
        g.hits.length,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
}

/**
 * The evidence digest: what counts is each offending record (dataset, reference, period,
 * amount) and each fact it conflicts with (kind, reference, date, related person), not names,
 * wording, score or severity, so a dismissal outlives a renamed village but not a new payment.
 */
export function evidenceDigestOf(group: WarningGroup): string {
  return evidenceDigestOfItems(
    group.hits.map((h) => [
      h.dataset,
      h.record_ref,
      h.period,
      h.amount_fen,
      h.fact_kind,
      h.fact_ref,
      h.fact_date,
      h.related_id,
    ]),
  );
}

/** One piece of evidence as the digest reads it: dataset, reference, period, amount, fact. */
export type EvidenceItem = [
  string,
  string,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

export function evidenceDigestOfItems(items: readonly EvidenceItem[]): string {
  // Sorted and distinct on its own terms, so that the order of other columns cannot move it.
  const distinct = new Set(items.map((item) => JSON.stringify(item)));
  return crypto
    .createHash('sha256')
    .update([...distinct].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
}
