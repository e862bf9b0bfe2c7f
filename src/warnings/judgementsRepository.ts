import { sql, type Kysely } from 'kysely';
import type { Judgement } from '../api/warnings.js';
import type { WriteTx } from '../audit/auditedWrite.js';
import { inScopeSql, type Scope } from '../auth/scope.js';
import type { Database } from '../db/schema.js';
import type { WarningJudgementTable } from './warningsTables.js';
import type { Insertable } from 'kysely';

/** What a judgement copies from its warning. */
export interface JudgedWarning {
  id: number;
  rule_code: string;
  jurisdiction_code: string;
  evidence_digest: string | null;
}

const chunk = 500;

/** The warnings of the given ids (inside the scope, if one is given). */
export async function warningsToJudge(
  db: Kysely<Database>,
  ids: readonly number[],
  scope: Scope | null,
): Promise<JudgedWarning[]> {
  const out: JudgedWarning[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    let query = db
      .selectFrom('warnings')
      .select(['id', 'rule_code', 'jurisdiction_code', 'evidence_digest'])
      .where('id', 'in', ids.slice(i, i + chunk));
    if (scope) query = query.where(inScopeSql('warnings.jurisdiction_code', scope));
    out.push(...(await query.execute()));
  }
  return out;
}

export async function insertJudgements(
  tx: WriteTx,
  rows: readonly Insertable<WarningJudgementTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insertInto('warning_judgements')
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

/**
 * Records a judgement on warnings. A dismissing one settles them on their current evidence
 * (a cleared warning stays cleared, but would come back dismissed with the same evidence);
 * a confirming one unsettles them, reopening a dismissed or resolved warning.
 */
export async function markJudged(
  tx: WriteTx,
  ids: readonly number[],
  judgement: Judgement,
  dismisses: boolean,
  now: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += chunk) {
    const part = ids.slice(i, i + chunk);
    if (dismisses) {
      await tx
        .updateTable('warnings')
        .set({
          judgement,
          status: sql`case when status = 'cleared' then 'cleared' else 'dismissed' end`,
          settled_digest: sql`evidence_digest`,
          settled_at: now,
          reopened_at: null,
          updated_at: now,
        })
        .where('id', 'in', part)
        .execute();
    } else {
      await tx
        .updateTable('warnings')
        .set({
          judgement,
          status: sql`case when status = 'cleared' then 'cleared' else 'open' end`,
          settled_digest: null,
          settled_at: null,
          reopened_at: null,
          updated_at: now,
        })
        .where('id', 'in', part)
        .execute();
    }
  }
}

/**
 * Marks confirmed (or partly confirmed) warnings resolved on their current evidence; returns
 * the ids it marked (others are not confirmed, or outside the scope).
 */
export async function markResolved(
  tx: WriteTx,
  ids: readonly number[],
  scope: Scope | null,
  now: string,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    let query = tx
      .updateTable('warnings')
      .set({
        status: sql`case when status = 'cleared' then 'cleared' else 'resolved' end`,
        settled_digest: sql`evidence_digest`,
        settled_at: now,
        reopened_at: null,
        updated_at: now,
      })
      .where('id', 'in', ids.slice(i, i + chunk))
      .where('judgement', 'in', ['confirmed', 'partly']);
    if (scope) query = query.where(inScopeSql('warnings.jurisdiction_code', scope));
    const rows = await query.returning('id').execute();
    out.push(...rows.map((r) => r.id));
  }
  return out.sort((a, b) => a - b);
}
