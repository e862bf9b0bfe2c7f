import { sql, type Kysely, type Selectable } from 'kysely';
import type { WriteTx } from '../audit/auditedWrite.js';
import type { Judgement, LeadOutcomeBody, Verdict } from '../api/leads.js';
import type { Database } from '../db/schema.js';
import type { LeadOutcomeTable } from './leadsTables.js';

export type LeadOutcomeRow = Selectable<LeadOutcomeTable>;

/** Records (or replaces, after a send-back) a lead's outcome and accountability. */
export async function saveOutcome(
  tx: WriteTx,
  leadId: number,
  outcome: LeadOutcomeBody,
  submittedBy: number | null,
  at: string,
): Promise<void> {
  const values = {
    verdict: outcome.verdict,
    findings: outcome.findings,
    recover_fen: outcome.recover_fen ?? 0,
    recovered_fen: outcome.recovered_fen ?? 0,
    record_corrected: outcome.record_corrected ? 1 : 0,
    correction_note: outcome.correction_note ?? null,
    submitted_by: submittedBy,
    submitted_at: at,
  };
  await tx
    .insertInto('lead_outcomes')
    .values({ lead_id: leadId, ...values })
    .onConflict((oc) => oc.column('lead_id').doUpdateSet(values))
    .execute();
  await tx.deleteFrom('lead_accountability').where('lead_id', '=', leadId).execute();
  const accountability = outcome.accountability ?? [];
  if (accountability.length > 0)
    await tx
      .insertInto('lead_accountability')
      .values(
        accountability.map((a) => ({
          lead_id: leadId,
          kind: a.kind,
          person_name: a.person_name,
          decided_on: a.decided_on,
          document_no: a.document_no ?? null,
        })),
      )
      .execute();
}

export function findOutcome(
  db: Kysely<Database>,
  leadId: number,
): Promise<LeadOutcomeRow | undefined> {
  return db
    .selectFrom('lead_outcomes')
    .selectAll()
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
}

/** The judgement a warning takes when the handler chose none: the lead's verdict. */
export const defaultJudgement: Readonly<Record<Verdict, Judgement>> = {
  true: 'confirmed',
  partly: 'partly',
  false: 'false_hit',
};

/**
 * Sets the judgement of the lead's open warning sources: the ones chosen, the rest from the
 * verdict (`null` clears them all, as a reopened lead is judged again).
 */
export async function setJudgements(
  tx: WriteTx,
  leadId: number,
  chosen: readonly { warning_id: number; judgement: Judgement }[],
  fallback: Judgement | null,
): Promise<void> {
  const open = (q: ReturnType<typeof base>) =>
    q
      .where('lead_id', '=', leadId)
      .where('split_at', 'is', null)
      .where('warning_id', 'is not', null);
  const base = () => tx.updateTable('lead_sources');
  if (fallback === null) {
    await open(base()).set({ judgement: null }).execute();
    return;
  }
  await open(base())
    .set({ judgement: fallback })
    .where('warning_id', 'not in', chosen.length > 0 ? chosen.map((c) => c.warning_id) : [0])
    .execute();
  for (const judgement of new Set(chosen.map((c) => c.judgement))) {
    const ids = chosen.filter((c) => c.judgement === judgement).map((c) => c.warning_id);
    await open(base()).set({ judgement }).where('warning_id', 'in', ids).execute();
  }
}

/** The judgements of a lead's open warning sources. */
export async function judgementsOf(
  db: Kysely<Database>,
  leadId: number,
): Promise<{ warning_id: number; judgement: Judgement | null }[]> {
  const rows = await db
    .selectFrom('lead_sources')
    .select(['warning_id', 'judgement'])
    .where('lead_id', '=', leadId)
    .where('split_at', 'is', null)
    .where('warning_id', 'is not', null)
    .orderBy('warning_id')
    .execute();
  return rows.map((r) => ({ warning_id: Number(r.warning_id), judgement: r.judgement }));
}

/** The number of the lead's judged sources, for checks that closure judged every warning. */
export async function unjudgedCount(db: Kysely<Database>, leadId: number): Promise<number> {
  const row = await db
    .selectFrom('lead_sources')
    .select(sql<number>`count(*)`.as('n'))
    .where('lead_id', '=', leadId)
    .where('split_at', 'is', null)
    .where('warning_id', 'is not', null)
    .where('judgement', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}
