import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { evidenceDigestOfItems, type ComputedWarning, type EvidenceItem } from './buildWarnings.js';
import type { WarningEvidenceTable } from './warningsTables.js';
import { recheck } from '../rules/scanSubjects.js';
import type { Hit } from './warningGroup.js';

/** What a hit says beyond the evidence table's own columns (warning_evidence.details). */
interface EvidenceDetails {
  fact: string;
  ref: string | null;
  date: string | null;
  text: string | null;
  related_id: string | null;
  related_name: string | null;
  /** The subject's name and village on this record (written since incremental scans keep evidence). */
  name?: string;
  village?: string | null;
}

/** The evidence rows of a warning: every hit, in the warning's order. */
export function evidenceOf(
  w: ComputedWarning,
  warningId: number,
): Insertable<WarningEvidenceTable>[] {
  return w.group.hits.map((h, seq) => {
    const details: EvidenceDetails = {
      fact: h.fact_kind,
      ref: h.fact_ref,
      date: h.fact_date,
      text: h.fact_text,
      related_id: h.related_id,
      related_name: h.related_name,
      name: h.subject_name,
      village: h.village_code,
    };
    return {
      warning_id: warningId,
      seq,
      dataset: h.dataset,
      row_id: h.row_id,
      record_ref: h.record_ref,
      period: h.period,
      amount_fen: h.amount_fen,
      details: JSON.stringify(details),
      fuzzy: h.fuzzy,
    };
  });
}

/**
 * The hits an incremental scan keeps without re-checking them: the evidence of the found
 * (not cleared) warnings (of the given rules, in the jurisdiction) of subjects re-checked by month, for
 * payments of the months not re-checked. A payment's hits depend only on its own row, on
 * facts, and on payments of its own month (collectScanSubjects), so with no fact of the
 * subject changed they still hold as the last scan found them. Every payment rule reports
 * its record through paymentHit: a person's hit, with the village as jurisdiction.
 */
export async function keptHits(
  db: Kysely<Database>,
  options: { scanId: number; jurisdictionPrefix: string; rules: string[] },
): Promise<Hit[]> {
  if (options.rules.length === 0) return [];
  const rows = await db
    .selectFrom('warnings as w')
    .innerJoin('scan_subjects as s', (join) =>
      join.on('s.scan_id', '=', options.scanId).onRef('s.subject', '=', 'w.subject'),
    )
    .innerJoin('warning_evidence as e', 'e.warning_id', 'w.id')
    .select([
      'w.rule_code',
      'w.subject',
      'w.subject_kind',
      'w.subject_name',
      'w.village_code',
      'w.program_code',
      'e.dataset',
      'e.row_id',
      'e.record_ref',
      'e.period',
      'e.amount_fen',
      'e.details',
      'e.fuzzy',
    ])
    .where('s.recheck', '=', recheck.months)
    // Dismissed and resolved warnings are still found by scans: their evidence holds as well.
    .where('w.status', 'in', ['open', 'dismissed', 'resolved'])
    .where('w.jurisdiction_code', 'like', options.jurisdictionPrefix)
    .where('w.rule_code', 'in', options.rules)
    .where('e.dataset', '=', 'disbursements')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('scan_periods as m')
            .select(sql<number>`1`.as('one'))
            .where('m.scan_id', '=', options.scanId)
            .whereRef('m.subject', '=', 'w.subject')
            .whereRef('m.period', '=', 'e.period'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => {
    const d = JSON.parse(r.details) as EvidenceDetails;
    const village = d.village === undefined ? r.village_code : d.village;
    return {
      scan_id: options.scanId,
      rule_code: r.rule_code,
      subject: r.subject,
      subject_kind: r.subject_kind,
      subject_name: d.name ?? r.subject_name,
      village_code: village,
      jurisdiction_code: village,
      program_code: r.program_code,
      period: r.period,
      amount_fen: r.amount_fen,
      dataset: r.dataset,
      row_id: r.row_id,
      record_ref: r.record_ref,
      fact_kind: d.fact,
      fact_ref: d.ref,
      fact_date: d.date,
      fact_text: d.text,
      related_id: d.related_id,
      related_name: d.related_name,
      fuzzy: r.fuzzy,
    };
  });
}

/**
 * The evidence digests of warnings computed from their stored evidence, for warnings stored
 * before digests were kept: the same digest a scan would compute from the same hits.
 */
export async function storedEvidenceDigests(
  db: Kysely<Database>,
  warningIds: readonly number[],
): Promise<{ id: number; digest: string }[]> {
  const items = new Map<number, EvidenceItem[]>(warningIds.map((id) => [id, []]));
  for (let i = 0; i < warningIds.length; i += 500) {
    const rows = await db
      .selectFrom('warning_evidence')
      .select(['warning_id', 'dataset', 'record_ref', 'period', 'amount_fen', 'details'])
      .where('warning_id', 'in', warningIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const d = JSON.parse(r.details) as EvidenceDetails;
      items
        .get(r.warning_id)
        ?.push([
          r.dataset,
          r.record_ref,
          r.period,
          r.amount_fen,
          d.fact,
          d.ref,
          d.date,
          d.related_id,
        ]);
    }
  }
  return [...items].map(([id, list]) => ({ id, digest: evidenceDigestOfItems(list) }));
}
