import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { RulePrecision } from '../api/warnings.js';
import { scopePattern, type Scope } from '../auth/scope.js';
import { divisionLevel, levelNames } from '../core/divisionCode.js';
import type { Database } from '../db/schema.js';

/**
 * The smoothing of a rule's confirmed share: as if every rule had `priorWeight` judgements
 * more, `prior` of them confirmed, so that a rule judged twice stays near the prior.
 */
export const prior = 0.5;
export const priorWeight = 4;

/** A rule's smoothed confirmed share over the prior: 1 unjudged, up to 2, down to 0. */
export function ruleWeight(judged: number, confirmed: number): number {
  return (confirmed + prior * priorWeight) / (judged + priorWeight) / prior;
}

/** A warning's score weighted by its rule's precision: what the learned order sorts by. */
export function learnedScore(score: number, judged: number, confirmed: number): number {
  return score * ruleWeight(judged, confirmed);
}

/**
 * Per rule, the latest judgement of each judged warning in the pattern's jurisdictions,
 * counted by outcome: one grouped query, joined by the learned order.
 */
export function precisionByRule(db: Kysely<Database>, pattern: string) {
  return db
    .selectFrom('warning_judgements as j')
    .select((eb) => [
      'j.rule_code',
      eb.fn.countAll<number>().as('judged'),
      eb.fn
        .sum<number>(
          eb.case().when('j.judgement', 'in', ['confirmed', 'partly']).then(1).else(0).end(),
        )
        .as('confirmed'),
      eb.fn
        .sum<number>(eb.case().when('j.judgement', '=', 'data_error').then(1).else(0).end())
        .as('corrected'),
      eb.fn
        .sum<number>(eb.case().when('j.judgement', '=', 'false_hit').then(1).else(0).end())
        .as('dismissed'),
    ])
    .where('j.jurisdiction_code', 'like', pattern)
    .where('j.id', 'in', (eb) =>
      eb
        .selectFrom('warning_judgements as l')
        .select((e) => e.fn.max('l.id').as('id'))
        .where('l.jurisdiction_code', 'like', pattern)
        .groupBy('l.warning_id'),
    )
    .groupBy('j.rule_code');
}

/** learnedScore in SQL, over a join of precisionByRule as `p` (no row: no judgement). */
export function learnedScoreSql(): RawBuilder<number> {
  // Literals, not parameters: PostgreSQL would type a parameter beside a bigint as bigint.
  return sql<number>`cast(warnings.score as double precision)
    * (coalesce(p.confirmed, 0) + ${sql.lit(prior * priorWeight)})
    / ((coalesce(p.judged, 0) + ${sql.lit(priorWeight)}) * ${sql.lit(prior)})`;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** The figures in words, for the console to explain the learned order. */
export function precisionWords(
  row: Pick<RulePrecision, 'rule' | 'judged' | 'confirmed' | 'corrected' | 'dismissed'>,
  code: string,
  language: 'zh' | 'en',
): string {
  const level = divisionLevel(code);
  const pct = percent(row.confirmed, row.judged);
  if (language === 'en') {
    const where = level === 0 ? 'nationwide' : `in this ${levelNames[level].en}`;
    return `${row.rule} ${where}: ${row.judged} judged, ${row.confirmed} confirmed (${pct}%), ${row.corrected} data errors, ${row.dismissed} false hits`;
  }
  const where = level === 0 ? '在全国' : `在本${levelNames[level].zh}`;
  return `${row.rule} ${where}已核实 ${row.judged} 条，属实 ${row.confirmed} 条（${pct}%），数据错误 ${row.corrected} 条，误报 ${row.dismissed} 条`;
}

/**
 * How precise each rule has been in a jurisdiction (the scope, or a division inside it): the
 * latest judgement of each warning, counted by outcome, with shares, the learned order's
 * weight and the figures in words. Rules with no judgement are left out.
 */
export async function rulePrecision(
  db: Kysely<Database>,
  scope: Scope,
  options: { division?: Scope; language?: 'zh' | 'en' } = {},
): Promise<RulePrecision[]> {
  const within = options.division ?? scope;
  // The division narrows the scope; the scope's own pattern still bounds it.
  const pattern = within.prefix.startsWith(scope.prefix)
    ? scopePattern(within)
    : scopePattern(scope);
  const rows = await precisionByRule(db, pattern).orderBy('j.rule_code').execute();
  return rows.map((r) => {
    const judged = r.judged;
    const figures = {
      rule: r.rule_code,
      judged,
      confirmed: r.confirmed,
      corrected: r.corrected,
      dismissed: r.dismissed,
    };
    return {
      ...figures,
      confirmedShare: judged === 0 ? 0 : figures.confirmed / judged,
      correctedShare: judged === 0 ? 0 : figures.corrected / judged,
      dismissedShare: judged === 0 ? 0 : figures.dismissed / judged,
      weight: Math.round(ruleWeight(judged, figures.confirmed) * 1000) / 1000,
      words: precisionWords(figures, within.code, options.language ?? 'zh'),
    };
  });
}
