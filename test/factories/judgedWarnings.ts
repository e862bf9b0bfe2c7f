import type { AppContext } from '../../src/appContext.js';
import type { Judgement } from '../../src/api/warnings.js';
import { systemActor } from '../../src/audit/actor.js';
import { auditedWrite } from '../../src/audit/auditedWrite.js';
import { judgeWarnings } from '../../src/warnings/judgeWarnings.js';

export interface ConstructedWarning {
  rule: string;
  score: number;
  /** The village (12 digits). */
  village: string;
  /** Judgements in order (the last one counts). */
  judgements: Judgement[];
}

let counter = 0;

/** Inserts warnings as a scan would leave them and judges them; returns their ids in order. */
export async function judgedWarnings(
  ctx: AppContext,
  warnings: readonly ConstructedWarning[],
): Promise<number[]> {
  const now = new Date().toISOString();
  const ids = await auditedWrite(ctx, systemActor, async (w) => {
    const rows = await w.tx
      .insertInto('warnings')
      .values(
        warnings.map((x) => {
          counter += 1;
          return {
            fingerprint: `constructed-${counter}-${Math.random()}`,
            rule_code: x.rule,
            rule_version: 1,
            subject: `43122619800101${String(counter).padStart(4, '0')}`,
            subject_kind: 'person' as const,
            subject_name: `测试${counter}`,
            jurisdiction_code: x.village,
            village_code: x.village,
            program_code: null,
            severity: '中' as const,
            score: x.score,
            amount_fen: 0,
            periods: '[]',
            record_ids: '[]',
            explanation: `constructed ${x.rule}`,
            facts: '{}',
            status: 'open' as const,
            first_scan_id: 1,
            last_scan_id: 1,
            created_at: now,
            updated_at: now,
            cleared_at: null,
            evidence_digest: `digest-${counter}`,
          };
        }),
      )
      .returning('id')
      .execute();
    await w.audit({ action: 'test.warnings', entity: 'warning', ids: rows.map((r) => r.id) });
    return rows.map((r) => r.id);
  });
  const rounds = Math.max(0, ...warnings.map((x) => x.judgements.length));
  for (let round = 0; round < rounds; round += 1) {
    const items = warnings.flatMap((x, i) => {
      const judgement = x.judgements[round];
      return judgement ? [{ warningId: ids[i]!, judgement, leadId: round + 1 }] : [];
    });
    if (items.length > 0) await auditedWrite(ctx, systemActor, (w) => judgeWarnings(w, items));
  }
  return ids;
}

/** Three rules in a county (township 101 and 102) and one warning in the next county. */
export const precisionCase: ConstructedWarning[] = [
  { rule: 'R01', score: 50, village: '431226101001', judgements: ['confirmed'] },
  { rule: 'R01', score: 50, village: '431226101001', judgements: ['partly'] },
  { rule: 'R01', score: 50, village: '431226102001', judgements: ['false_hit', 'confirmed'] },
  { rule: 'R01', score: 50, village: '431226102001', judgements: ['false_hit'] },
  { rule: 'R05', score: 70, village: '431226101001', judgements: ['data_error'] },
  { rule: 'R05', score: 70, village: '431226102001', judgements: ['false_hit'] },
  { rule: 'R07', score: 55, village: '431226101001', judgements: [] },
  { rule: 'R05', score: 90, village: '431227101001', judgements: ['confirmed'] },
];
