import { dismissingJudgements, type Judgement } from '../api/warnings.js';
import type { WriteScope } from '../audit/auditedWrite.js';
import type { Scope } from '../auth/scope.js';
import { jurisdictionCovers, parentDivisionCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import {
  insertJudgements,
  markJudged,
  markResolved,
  warningsToJudge,
} from './judgementsRepository.js';
import { storedEvidenceDigests } from './hitEvidence.js';
import { fillEvidenceDigests } from './warningsRepository.js';

export interface JudgementItem {
  warningId: number;
  judgement: Judgement;
  leadId: number | null;
  /** The lead says the record was rectified: a confirmed warning is resolved at once. */
  rectified?: boolean;
}

export interface JudgeOptions {
  /** Refuse warnings outside this jurisdiction (the caller's). */
  within?: Scope;
}

/** The smallest division that covers every code, for the audit entry's jurisdiction. */
function commonDivision(codes: readonly string[]): string | null {
  let common: string | null = codes[0] ?? null;
  while (common && !codes.every((c) => jurisdictionCovers(common!, c))) {
    common = parentDivisionCode(common);
  }
  return common;
}

/**
 * Stores judgements on warnings (from a lead's closure) in the caller's transaction: each is
 * kept with the evidence digest it was made on, a false hit or data error dismisses the
 * warning until that evidence changes, and a confirmation keeps it open (resolved once the
 * lead says the record was rectified: `rectified`, or `resolveWarnings` later).
 */
export async function judgeWarnings(
  scope: WriteScope,
  items: readonly JudgementItem[],
  options: JudgeOptions = {},
): Promise<{ judged: number; resolved: number[] }> {
  if (items.length === 0) return { judged: 0, resolved: [] };
  const ids = [...new Set(items.map((i) => i.warningId))];
  if (ids.length !== items.length) {
    throw new JianduError('INVALID_ARGUMENT', { detail: 'a warning judged twice at once' });
  }
  const found = await warningsToJudge(scope.tx, ids, options.within ?? null);
  const byId = new Map(found.map((w) => [w.id, w]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new JianduError('NOT_FOUND', { what: `warning ${missing.join(', ')}` });
  }
  // Warnings stored before evidence digests were kept get theirs from their stored evidence.
  const legacy = found.filter((w) => w.evidence_digest === null).map((w) => w.id);
  if (legacy.length > 0) {
    const digests = await storedEvidenceDigests(scope.tx, legacy);
    await fillEvidenceDigests(scope.tx, digests);
    for (const d of digests) byId.get(d.id)!.evidence_digest = d.digest;
  }
  const now = new Date().toISOString();
  await insertJudgements(
    scope.tx,
    items.map((item) => {
      const w = byId.get(item.warningId)!;
      return {
        warning_id: w.id,
        judgement: item.judgement,
        lead_id: item.leadId,
        evidence_digest: w.evidence_digest,
        rule_code: w.rule_code,
        jurisdiction_code: w.jurisdiction_code,
        judged_by: scope.actor.id,
        judged_at: now,
      };
    }),
  );
  for (const judgement of new Set(items.map((i) => i.judgement))) {
    const same = items.filter((i) => i.judgement === judgement).map((i) => i.warningId);
    await markJudged(scope.tx, same, judgement, dismissingJudgements.includes(judgement), now);
  }
  const rectified = items.filter((i) => i.rectified).map((i) => i.warningId);
  const resolved = rectified.length > 0 ? await markResolved(scope.tx, rectified, null, now) : [];
  await scope.audit({
    action: 'warning.judge',
    entity: 'warning',
    ids,
    jurisdictionCode: commonDivision(found.map((w) => w.jurisdiction_code)),
    after: {
      judgements: items.map((i) => ({
        warning: i.warningId,
        judgement: i.judgement,
        lead: i.leadId,
        digest: byId.get(i.warningId)!.evidence_digest,
      })),
      resolved,
    },
  });
  return { judged: items.length, resolved };
}

/**
 * Marks confirmed warnings resolved once their lead says the record was rectified; a
 * resolved warning stays so while its evidence is unchanged. Returns the ids resolved.
 */
export async function resolveWarnings(
  scope: WriteScope,
  warningIds: readonly number[],
  options: JudgeOptions = {},
): Promise<number[]> {
  const ids = [...new Set(warningIds)];
  if (ids.length === 0) return [];
  const found = await warningsToJudge(scope.tx, ids, options.within ?? null);
  const resolved = await markResolved(
    scope.tx,
    ids,
    options.within ?? null,
    new Date().toISOString(),
  );
  await scope.audit({
    action: 'warning.resolve',
    entity: 'warning',
    ids: resolved,
    jurisdictionCode: commonDivision(found.map((w) => w.jurisdiction_code)),
    after: { asked: ids, resolved },
  });
  return resolved;
}
