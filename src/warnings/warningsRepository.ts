import { sql, type Kysely, type Selectable } from 'kysely';
import { inScopeSql, scopePattern, type Scope } from '../auth/scope.js';
import type { Database } from '../db/schema.js';
import type { WarningOrder, WarningStatus, WarningView } from '../api/warnings.js';
import { learnedScoreSql, precisionByRule } from './rulePrecision.js';
import type { WarningEvidenceTable, WarningTable } from './warningsTables.js';

export type { WarningView };

export type WarningRow = Selectable<WarningTable>;

export function toWarningView(row: WarningRow): WarningView {
  return {
    rule: row.rule_code,
    subject_id_number: row.subject,
    subject_name: row.subject_name,
    village_code: row.village_code,
    program_code: row.program_code,
    periods: JSON.parse(row.periods) as string[],
    amount_fen: row.amount_fen,
    record_ids: JSON.parse(row.record_ids) as string[],
    severity: row.severity,
    score: row.score,
    explanation: row.explanation,
    fingerprint: row.fingerprint,
    id: row.id,
    subject_kind: row.subject_kind,
    jurisdiction_code: row.jurisdiction_code,
    status: row.status,
    first_seen_scan: row.first_scan_id,
    last_seen_scan: row.last_scan_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    cleared_at: row.cleared_at,
    judgement: row.judgement,
    reopened: row.status === 'open' && row.reopened_at !== null,
  };
}

export interface WarningFilter {
  rule?: string;
  status?: WarningStatus;
  severity?: string;
  /** A division inside the scope (a township): only its warnings. */
  division?: string;
  limit?: number;
  offset?: number;
  /** score (default), or learned: the score weighted by the rule's precision in the scope. */
  order?: WarningOrder;
}

export async function listWarnings(
  db: Kysely<Database>,
  scope: Scope,
  filter: WarningFilter = {},
): Promise<WarningView[]> {
  const learned = filter.order === 'learned';
  let query = db
    .selectFrom('warnings')
    .$if(learned, (q) =>
      q
        .leftJoin(
          precisionByRule(db, scopePattern(scope)).as('p'),
          'p.rule_code',
          'warnings.rule_code',
        )
        .orderBy(learnedScoreSql(), 'desc'),
    )
    .selectAll('warnings')
    .where(inScopeSql('warnings.jurisdiction_code', scope))
    .orderBy('warnings.score', 'desc')
    .orderBy('warnings.id');
  if (filter.rule) query = query.where('warnings.rule_code', '=', filter.rule);
  if (filter.status) query = query.where('warnings.status', '=', filter.status);
  if (filter.severity) query = query.where('warnings.severity', '=', filter.severity as '高');
  if (filter.division)
    query = query.where('warnings.jurisdiction_code', 'like', `${filter.division}%`);
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  return (await query.execute()).map(toWarningView);
}

export async function countWarnings(
  db: Kysely<Database>,
  scope: Scope,
  filter: WarningFilter = {},
): Promise<number> {
  let query = db
    .selectFrom('warnings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inScopeSql('warnings.jurisdiction_code', scope));
  if (filter.rule) query = query.where('rule_code', '=', filter.rule);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.severity) query = query.where('severity', '=', filter.severity as '高');
  if (filter.division) query = query.where('jurisdiction_code', 'like', `${filter.division}%`);
  return (await query.executeTakeFirstOrThrow()).n;
}

/** The filter's warnings by severity (its own severity, if any, left out). */
export async function countWarningsBySeverity(
  db: Kysely<Database>,
  scope: Scope,
  filter: WarningFilter = {},
): Promise<Record<'高' | '中' | '低', number>> {
  let query = db
    .selectFrom('warnings')
    .select(['severity', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScopeSql('warnings.jurisdiction_code', scope))
    .groupBy('severity');
  if (filter.rule) query = query.where('rule_code', '=', filter.rule);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.division) query = query.where('jurisdiction_code', 'like', `${filter.division}%`);
  const counts = { 高: 0, 中: 0, 低: 0 };
  for (const row of await query.execute()) {
    if (row.severity in counts) counts[row.severity] = row.n;
  }
  return counts;
}

export async function findWarning(
  db: Kysely<Database>,
  scope: Scope,
  id: number,
): Promise<WarningRow | undefined> {
  return db
    .selectFrom('warnings')
    .selectAll()
    .where('id', '=', id)
    .where(inScopeSql('warnings.jurisdiction_code', scope))
    .executeTakeFirst();
}

export type EvidenceRow = Selectable<WarningEvidenceTable>;

export async function warningEvidence(
  db: Kysely<Database>,
  warningId: number,
): Promise<EvidenceRow[]> {
  return db
    .selectFrom('warning_evidence')
    .selectAll()
    .where('warning_id', '=', warningId)
    .orderBy('seq')
    .execute();
}

/** The columns a rescan rewrites in a warning whose facts changed. */
export const rescannedColumns = [
  'rule_version',
  'subject_name',
  'subject_kind',
  'jurisdiction_code',
  'village_code',
  'severity',
  'score',
  'amount_fen',
  'periods',
  'record_ids',
  'explanation',
  'facts',
  'status',
  'last_scan_id',
  'updated_at',
  'cleared_at',
  'evidence_digest',
  'reopened_at',
] as const;
export type RescannedValues = Pick<WarningRow, (typeof rescannedColumns)[number]>;
const integerColumns = new Set<string>(['rule_version', 'score', 'amount_fen', 'last_scan_id']);

/**
 * Rewrites warnings whose facts changed, two hundred in one statement (`update … from
 * (values …)`, which both databases read the same way) instead of one statement each.
 */
export async function rewriteWarnings(
  db: Kysely<Database>,
  changes: readonly { id: number; values: RescannedValues }[],
): Promise<void> {
  for (let i = 0; i < changes.length; i += 200) {
    const rows = changes
      .slice(i, i + 200)
      .map(
        ({ id, values }) =>
          sql`(${sql.join([
            sql`cast(${id} as bigint)`,
            ...rescannedColumns.map((column) =>
              integerColumns.has(column)
                ? sql`cast(${values[column]} as bigint)`
                : sql`cast(${values[column]} as text)`,
            ),
          ])})`,
      );
    // VALUES names its columns column1, column2… in both databases: column1 is the id.
    const assignments = rescannedColumns.map(
      (column, k) => sql`${sql.id(column)} = v.${sql.id(`column${k + 2}`)}`,
    );
    await sql`update warnings set ${sql.join(assignments)}
      from (values ${sql.join(rows)}) as v where warnings.id = v.column1`.execute(db);
  }
}

/** Stores evidence digests of warnings that had none, two hundred in one statement. */
export async function fillEvidenceDigests(
  db: Kysely<Database>,
  rows: readonly { id: number; digest: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const values = rows
      .slice(i, i + 200)
      .map((r) => sql`(cast(${r.id} as bigint), cast(${r.digest} as text))`);
    await sql`update warnings set evidence_digest = v.column2
      from (values ${sql.join(values)}) as v where warnings.id = v.column1`.execute(db);
  }
}
