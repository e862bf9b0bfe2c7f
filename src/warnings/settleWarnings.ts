import type { Insertable } from 'kysely';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite, type WriteScope } from '../audit/auditedWrite.js';
import { divisionPrefix } from '../core/divisionCode.js';
import { isLive } from '../ingest/liveRows.js';
import { maskNumbers } from '../rules/maskNumbers.js';
import type { RunnableRule } from '../rules/rulesToRun.js';
import type { ScanKind } from '../rules/rulesTables.js';
import { dismissingJudgements } from '../api/warnings.js';
import {
  digestOf,
  evidenceDigestOf,
  fingerprintOf,
  groupHits,
  riskOf,
  type ComputedWarning,
} from './buildWarnings.js';
import { evidenceOf, keptHits } from './hitEvidence.js';
import type { Hit } from './warningGroup.js';
import {
  fillEvidenceDigests,
  rewriteWarnings,
  type RescannedValues,
  type WarningRow,
} from './warningsRepository.js';
import type { WarningEvidenceTable, WarningTable } from './warningsTables.js';

const hitOrder: (keyof Hit)[] = [
  'rule_code',
  'subject',
  'program_code',
  'period',
  'record_ref',
  'fact_kind',
  'fact_ref',
  'fact_date',
  'fact_text',
  'related_id',
  'related_name',
  'dataset',
];

function compareHits(a: Hit, b: Hit): number {
  for (const key of hitOrder) {
    const x = String(a[key] ?? '');
    const y = String(b[key] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The status a found warning takes: a dismissal or resolution sticks while the evidence is
 * the one it was judged on; otherwise the warning is open, marked reopened if it was settled.
 */
export function statusOnRescan(
  old: Pick<WarningRow, 'status' | 'judgement' | 'settled_digest' | 'reopened_at'>,
  evidenceDigest: string,
  now: string,
): { status: WarningRow['status']; reopenedAt: string | null } {
  if (old.settled_digest !== null && old.settled_digest === evidenceDigest && old.judgement) {
    const status = dismissingJudgements.includes(old.judgement) ? 'dismissed' : 'resolved';
    return { status, reopenedAt: null };
  }
  const wasSettled =
    old.status === 'dismissed' || old.status === 'resolved' || old.settled_digest !== null;
  return { status: 'open', reopenedAt: wasSettled ? (old.reopened_at ?? now) : old.reopened_at };
}

export interface Settle {
  scanId: number;
  jurisdiction: string;
  kind: ScanKind;
  rules: RunnableRule[];
}

/** What settling did: the counts of warnings by outcome, and the ids that changed. */
export interface Settled {
  new: number;
  updated: number;
  unchanged: number;
  cleared: number;
  open: number;
  newIds: number[];
  changedIds: number[];
  clearedIds: number[];
}

/**
 * Turns a scan's hits into warnings, compares them with the stored ones, and writes the
 * difference; `finish` completes the scan in the same transaction, so that warnings and the
 * scan that found them are written together or not at all.
 */
export async function settleWarnings(
  ctx: AppContext,
  actor: Actor,
  s: Settle,
  finish: (w: WriteScope, settled: Settled) => Promise<void>,
): Promise<Settled> {
  const db = ctx.handle.db;
  const prefix = `${divisionPrefix(s.jurisdiction)}%`;
  const found = await db
    .selectFrom('scan_hits')
    .selectAll()
    .where('scan_id', '=', s.scanId)
    .execute();
  // An incremental scan re-checks some people's payments by month: the other months' hits
  // come from their warnings' evidence.
  const kept =
    s.kind === 'incremental'
      ? await keptHits(db, {
          scanId: s.scanId,
          jurisdictionPrefix: prefix,
          rules: s.rules.filter((r) => !r.fullOnly).map((r) => r.code),
        })
      : [];
  // Sorted here, not in SQL: PostgreSQL's collation orders text differently from SQLite's, and
  // the order decides how evidence and explanations read. Every column takes part, so the
  // order is the same on every database and every run.
  const hits: Hit[] = [...found, ...kept].sort(compareHits);
  const programs = await db
    .selectFrom('ds_programs')
    .select(['program_code', 'name'])
    .where(isLive())
    .execute();
  const groups = groupHits(hits, new Map(programs.map((p) => [p.program_code, p.name])));
  const rulesBySubject = new Map<string, Set<string>>();
  for (const g of groups) {
    const set = rulesBySubject.get(g.subject) ?? new Set<string>();
    set.add(g.rule);
    rulesBySubject.set(g.subject, set);
  }
  const ruleByCode = new Map(s.rules.map((r) => [r.code, r]));
  const computed: ComputedWarning[] = groups.map((group) => {
    const rule = ruleByCode.get(group.rule)!;
    const { score, severity } = riskOf(
      rule,
      group,
      (rulesBySubject.get(group.subject)?.size ?? 1) - 1,
    );
    // No full ID number or account in a stored sentence, whatever a (custom) rule's text holds.
    const explanation = maskNumbers(rule.explain(group));
    const partial = { group, severity, score, explanation };
    return {
      ...partial,
      fingerprint: fingerprintOf(group.rule, group.subject, group.programCode),
      digest: digestOf(partial),
      evidenceDigest: evidenceDigestOf(group),
    };
  });

  // The stored warnings this scan speaks for: all of the jurisdiction's in a full scan; in an
  // incremental one, those of the re-checked subjects (by month too: their other months' hits
  // are among the hits) and of the rules that always run in full.
  let existingQuery = db
    .selectFrom('warnings')
    .selectAll()
    .where('jurisdiction_code', 'like', prefix);
  if (s.kind === 'incremental') {
    const full = s.rules.filter((r) => r.fullOnly).map((r) => r.code);
    existingQuery = existingQuery.where((eb) =>
      eb.or([
        eb(
          'subject',
          'in',
          eb
            .selectFrom('scan_subjects')
            .select('subject')
            .where('scan_id', '=', s.scanId)
            .where('recheck', '>', 0),
        ),
        ...(full.length > 0 ? [eb('rule_code', 'in', full)] : []),
      ]),
    );
  }
  const existing = await existingQuery.execute();
  const byFingerprint = new Map<string, WarningRow>(existing.map((w) => [w.fingerprint, w]));
  const ran = new Set(s.rules.map((r) => r.code));
  const now = new Date().toISOString();
  const counts = { new: 0, updated: 0, unchanged: 0, cleared: 0 };

  return auditedWrite(ctx, actor, async (w) => {
    const { tx } = w;
    const unchangedIds: number[] = [];
    const filled: { id: number; digest: string }[] = [];
    const changedIds: number[] = [];
    const newIds: number[] = [];
    const fresh: { row: Insertable<WarningTable>; warning: ComputedWarning }[] = [];
    const evidence: Insertable<WarningEvidenceTable>[] = [];
    const rewritten: { id: number; values: RescannedValues }[] = [];
    for (const w of computed) {
      const old = byFingerprint.get(w.fingerprint);
      byFingerprint.delete(w.fingerprint);
      const { status, reopenedAt } = old
        ? statusOnRescan(old, w.evidenceDigest, now)
        : { status: 'open' as const, reopenedAt: null };
      const values = {
        rule_version: ruleByCode.get(w.group.rule)?.version ?? 1,
        subject_name: w.group.subjectName,
        subject_kind: w.group.subjectKind as 'person',
        jurisdiction_code: w.group.jurisdictionCode ?? s.jurisdiction,
        village_code: w.group.villageCode,
        severity: w.severity,
        score: w.score,
        amount_fen: w.group.amountFen,
        periods: JSON.stringify(w.group.periods),
        record_ids: JSON.stringify(w.group.records),
        explanation: w.explanation,
        facts: JSON.stringify({
          digest: w.digest,
          hits: w.group.hits.length,
          rules: [...(rulesBySubject.get(w.group.subject) ?? [])],
        }),
        status,
        last_scan_id: s.scanId,
        updated_at: now,
        cleared_at: null,
        evidence_digest: w.evidenceDigest,
        reopened_at: reopenedAt,
      };
      if (!old) {
        fresh.push({
          warning: w,
          row: {
            ...values,
            fingerprint: w.fingerprint,
            rule_code: w.group.rule,
            subject: w.group.subject,
            program_code: w.group.programCode,
            first_scan_id: s.scanId,
            created_at: now,
          },
        });
      } else if (
        old.status === status &&
        old.reopened_at === reopenedAt &&
        (old.evidence_digest === w.evidenceDigest || old.evidence_digest === null) &&
        (JSON.parse(old.facts) as { digest?: string }).digest === w.digest
      ) {
        unchangedIds.push(old.id);
        // A warning stored before evidence digests were kept gets one, and stays unchanged.
        if (old.evidence_digest === null) filled.push({ id: old.id, digest: w.evidenceDigest });
      } else {
        rewritten.push({ id: old.id, values });
        changedIds.push(old.id);
        evidence.push(...evidenceOf(w, old.id));
      }
    }
    await rewriteWarnings(tx, rewritten);
    await fillEvidenceDigests(tx, filled);
    // The changed warnings' evidence is replaced: the old goes by the five hundred.
    for (let i = 0; i < changedIds.length; i += 500) {
      await tx
        .deleteFrom('warning_evidence')
        .where('warning_id', 'in', changedIds.slice(i, i + 500))
        .execute();
    }
    // New warnings go in by the hundred (a first scan of a county makes thousands).
    for (let i = 0; i < fresh.length; i += 200) {
      const part = fresh.slice(i, i + 200);
      const ids = await tx
        .insertInto('warnings')
        .values(part.map((f) => f.row))
        .returning(['id', 'fingerprint'])
        .execute();
      const idOf = new Map(ids.map((r) => [r.fingerprint, r.id]));
      for (const f of part) {
        const id = idOf.get(f.warning.fingerprint)!;
        newIds.push(id);
        evidence.push(...evidenceOf(f.warning, id));
      }
    }
    for (let i = 0; i < evidence.length; i += 500)
      await tx
        .insertInto('warning_evidence')
        .values(evidence.slice(i, i + 500))
        .execute();
    counts.new = newIds.length;
    counts.updated = changedIds.length;
    counts.unchanged = unchangedIds.length;
    for (let i = 0; i < unchangedIds.length; i += 500) {
      await tx
        .updateTable('warnings')
        .set({ last_scan_id: s.scanId })
        .where('id', 'in', unchangedIds.slice(i, i + 500))
        .execute();
    }
    // What the scan no longer finds (for rules it ran) no longer holds: marked, not deleted;
    // a dismissed or resolved one too, so that no stale evidence of it is kept as a hit.
    const clearedIds = [...byFingerprint.values()]
      .filter((w) => w.status !== 'cleared' && ran.has(w.rule_code))
      .map((w) => w.id);
    for (let i = 0; i < clearedIds.length; i += 500) {
      await tx
        .updateTable('warnings')
        .set({ status: 'cleared', cleared_at: now, updated_at: now, last_scan_id: s.scanId })
        .where('id', 'in', clearedIds.slice(i, i + 500))
        .execute();
    }
    counts.cleared = clearedIds.length;
    const open = await tx
      .selectFrom('warnings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('jurisdiction_code', 'like', prefix)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const settled: Settled = {
      ...counts,
      open: open.n,
      newIds,
      changedIds,
      clearedIds,
    };
    await finish(w, settled);
    return settled;
  });
}
