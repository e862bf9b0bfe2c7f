import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { WriteScope } from '../audit/auditedWrite.js';
import { JianduError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { datasets } from '../ingest/datasets/index.js';
import { columnOf } from '../ingest/datasetDefinition.js';
import type { Severity } from './builtinRule.js';
import { chineseDate, distinct, money, periodRange, programLabel } from './explainText.js';
import {
  householdOf,
  livePayment,
  paymentHit,
  periodEnd,
  periodStart,
  type RuleContext,
  payments,
} from './ruleContext.js';
import { householdFactHits } from './builtin/householdFacts.js';
import type { WarningGroup } from '../warnings/warningGroup.js';
import { isLive } from '../ingest/liveRows.js';

/**
 * Rules an administrator adds without code (docs/zh/自定义规则.md has a worked example): a
 * payment is a hit when the beneficiary (or anyone of the household) has — or lacks — a
 * record in another dataset that meets conditions, at the time of the payment. The
 * definition is data: validated here, stored with a version in rule_definitions (audited),
 * compiled to the same kind of set-based SQL as the built-in rules.
 */
export interface CustomRuleDefinition {
  code: string;
  name: { zh: string; en: string };
  severity: Severity;
  /** Payments of these programmes only (default: every programme). */
  programs?: string[];
  /** Only payments of means-tested programmes. */
  meansTestedOnly?: boolean;
  /** Whose records count: the beneficiary's only, or also the household's. */
  people: 'beneficiary' | 'household';
  fact: {
    dataset: FactDataset;
    where: Condition[];
    /** When the record must hold relative to the payment's month. */
    when: 'any' | 'valid_in_period' | 'same_period' | 'before_period';
  };
  /** A hit when such a record exists, or when none exists. */
  hitWhen: 'exists' | 'not_exists';
  /** The warning's sentence; placeholders: {name} {program} {periods} {amount} {fact} {date}. */
  explanation: string;
}

export interface Condition {
  field: string;
  op:
    | 'eq'
    | 'ne'
    | 'in'
    | 'not_in'
    | 'contains'
    | 'gt'
    | 'gte'
    | 'lt'
    | 'lte'
    | 'is_null'
    | 'not_null';
  value?: string | number | (string | number)[];
}

/** Datasets a custom rule may look at, with the columns that say when a record holds. */
const factDatasets = {
  vehicles: { start: 'registered_date', end: 'cancelled_date', label: 'plate' },
  properties: { start: 'registered_date', end: null, label: 'certificate_no' },
  payroll: { start: null, end: null, label: 'employer', period: 'period' },
  deaths: { start: 'death_date', end: null, label: 'source_kind' },
  officials: { start: 'start_date', end: 'end_date', label: 'organisation' },
  disabilities: { start: 'issued_date', end: 'valid_until', label: 'certificate_no' },
} as const;
type FactDataset = keyof typeof factDatasets;

const ops = [
  'eq',
  'ne',
  'in',
  'not_in',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_null',
  'not_null',
] as const;

function invalid(zh: string, en: string): never {
  throw new JianduError('RULE_INVALID', { detail: { zh, en } });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Checks a definition from an administrator; returns it typed, or says what is wrong. */
export function validateCustomRule(input: unknown): CustomRuleDefinition {
  if (typeof input !== 'object' || input === null)
    invalid('规则定义应为一个 JSON 对象', 'a rule is a JSON object');
  const r = input as Record<string, unknown>;
  if (typeof r.code !== 'string' || !/^C\d{2,3}$/.test(r.code))
    invalid(
      '规则代码应为 C 加两三位数字，如 C01（R01–R16 为内置规则）',
      'code: C followed by 2–3 digits',
    );
  const name = r.name as Record<string, unknown> | undefined;
  if (
    !name ||
    typeof name.zh !== 'string' ||
    name.zh.trim() === '' ||
    typeof name.en !== 'string'
  ) {
    invalid('缺少规则名称 name.zh 和 name.en', 'name.zh and name.en are required');
  }
  if (r.severity !== '高' && r.severity !== '中' && r.severity !== '低')
    invalid('severity 应为 高、中 或 低', 'severity: 高, 中 or 低');
  if (r.programs !== undefined && !isStringArray(r.programs))
    invalid('programs 应为项目代码列表', 'programs: a list of programme codes');
  if (r.meansTestedOnly !== undefined && typeof r.meansTestedOnly !== 'boolean')
    invalid('meansTestedOnly 应为 true 或 false', 'meansTestedOnly: boolean');
  if (r.people !== 'beneficiary' && r.people !== 'household')
    invalid(
      'people 应为 beneficiary（本人）或 household（全户）',
      'people: beneficiary or household',
    );
  if (r.hitWhen !== 'exists' && r.hitWhen !== 'not_exists')
    invalid('hitWhen 应为 exists 或 not_exists', 'hitWhen: exists or not_exists');
  if (typeof r.explanation !== 'string' || r.explanation.trim() === '')
    invalid('缺少说明 explanation', 'explanation is required');
  const fact = r.fact as Record<string, unknown> | undefined;
  if (!fact || typeof fact.dataset !== 'string' || !(fact.dataset in factDatasets)) {
    invalid(
      `fact.dataset 应为其中之一：${Object.keys(factDatasets).join('、')}`,
      `fact.dataset: one of ${Object.keys(factDatasets).join(', ')}`,
    );
  }
  const dataset = fact.dataset as FactDataset;
  if (!['any', 'valid_in_period', 'same_period', 'before_period'].includes(String(fact.when))) {
    invalid(
      'fact.when 应为 any、valid_in_period、same_period 或 before_period',
      'fact.when: any, valid_in_period, same_period or before_period',
    );
  }
  if (fact.when === 'same_period' && dataset !== 'payroll' && factDatasets[dataset].start === null)
    invalid('该数据集没有可比的日期', 'no date to compare');
  const columns = new Set(datasets[dataset].fields.map(columnOf));
  if (!Array.isArray(fact.where))
    invalid('fact.where 应为条件列表（可以为空）', 'fact.where: a list of conditions');
  for (const condition of fact.where as unknown[]) {
    const c = condition as Record<string, unknown>;
    if (typeof c.field !== 'string' || !columns.has(c.field)) {
      invalid(
        `条件字段“${String(c.field)}”不是 ${dataset} 的字段（可用：${[...columns].join('、')}）`,
        `unknown field ${String(c.field)}`,
      );
    }
    if (!ops.includes(c.op as (typeof ops)[number]))
      invalid(
        `条件运算“${String(c.op)}”不支持（可用：${ops.join('、')}）`,
        `unknown op ${String(c.op)}`,
      );
    const needsList = c.op === 'in' || c.op === 'not_in';
    const needsNothing = c.op === 'is_null' || c.op === 'not_null';
    if (needsList && !(Array.isArray(c.value) && c.value.length > 0))
      invalid(`“${c.field}”的 ${String(c.op)} 需要一个取值列表`, 'in/not_in need a list');
    if (!needsList && !needsNothing && typeof c.value !== 'string' && typeof c.value !== 'number') {
      invalid(`“${c.field}”的条件缺少取值`, 'the condition needs a value');
    }
  }
  return input as CustomRuleDefinition;
}

function conditionSql(alias: string, c: Condition): RawBuilder<unknown> {
  const column = sql.ref(`${alias}.${c.field}`);
  const value = c.value;
  switch (c.op) {
    case 'eq':
      return sql`${column} = ${value}`;
    case 'ne':
      return sql`${column} <> ${value}`;
    case 'in':
      return sql`${column} in (${sql.join((value as (string | number)[]).map((v) => sql`${v}`))})`;
    case 'not_in':
      return sql`${column} not in (${sql.join((value as (string | number)[]).map((v) => sql`${v}`))})`;
    case 'contains':
      return sql`${column} like ${`%${String(value)}%`}`;
    case 'gt':
      return sql`${column} > ${value}`;
    case 'gte':
      return sql`${column} >= ${value}`;
    case 'lt':
      return sql`${column} < ${value}`;
    case 'lte':
      return sql`${column} <= ${value}`;
    case 'is_null':
      return sql`${column} is null`;
    case 'not_null':
      return sql`${column} is not null`;
  }
}

function timingSql(definition: CustomRuleDefinition): RawBuilder<unknown> {
  const meta = factDatasets[definition.fact.dataset];
  const start = meta.start ? sql.ref(`f.${meta.start}`) : null;
  const end = meta.end ? sql.ref(`f.${meta.end}`) : null;
  switch (definition.fact.when) {
    case 'any':
      return sql`1 = 1`;
    case 'same_period':
      return 'period' in meta ? sql`f.period = p.period` : sql`substr(${start}, 1, 7) = p.period`;
    case 'before_period':
      return start ? sql`${start} < ${periodStart('p.period')}` : sql`f.period < p.period`;
    case 'valid_in_period':
      if ('period' in meta) return sql`f.period = p.period`;
      return end
        ? sql`${start} <= ${periodEnd('p.period')} and (${end} is null or ${end} >= ${periodStart('p.period')})`
        : sql`${start} <= ${periodEnd('p.period')}`;
  }
}

/** The rule's query: the facts of the payments' people, joined to the (filtered) payments. */
export function compileCustomRule(
  definition: CustomRuleDefinition,
): (ctx: RuleContext) => RawBuilder<unknown>[] {
  return (ctx) => {
    const table = sql.table(datasets[definition.fact.dataset].table);
    const meta = factDatasets[definition.fact.dataset];
    const programs =
      definition.programs && definition.programs.length > 0
        ? sql`and p.program_code in (${sql.join(definition.programs.map((c) => sql`${c}`))})`
        : sql``;
    const conditions = sql.join(
      [
        isLive('f'),
        timingSql(definition),
        ...definition.fact.where.map((c) => conditionSql('f', c)),
      ],
      sql` and `,
    );
    const meansTested = definition.meansTestedOnly === true;
    if (definition.hitWhen === 'exists') {
      return householdFactHits(ctx, {
        rule: definition.code,
        facts: sql`${table} f`,
        when: sql`${conditions} ${programs}`,
        factFilter: isLive('f'),
        meansTested,
        selfOnly: definition.people === 'beneficiary',
        columns: {
          fact_kind: definition.fact.dataset,
          fact_ref: sql.ref(`f.${meta.label}`),
          fact_date: meta.start ? sql.ref(`f.${meta.start}`) : sql`f.period`,
        },
      });
    }
    // No such record for the beneficiary (nor, for `household`, anyone of the household).
    const household =
      definition.people === 'household'
        ? sql`or exists (select 1 from ds_residents m join ${table} f on f.id_number = m.id_number and ${conditions}
            where ${isLive('m')} and m.status = '正常' and m.household_id = ${householdOf(ctx, 'p')})`
        : sql``;
    return [
      sql`${paymentHit(definition.code, 'p', { fact_kind: `no_${definition.fact.dataset}` })}
      from ${payments(ctx)} p
      where ${livePayment(ctx, 'p', { meansTested })} ${programs}
        and not (exists (select 1 from ${table} f where f.id_number = p.id_number and ${conditions}) ${household})`,
    ];
  };
}

/** Fills the explanation template. */
export function explainCustom(definition: CustomRuleDefinition, group: WarningGroup): string {
  const facts = distinct(group.hits, (h) => h.fact_ref).join('、');
  const dates = distinct(group.hits, (h) => h.fact_date).map((d) => chineseDate(d));
  return definition.explanation
    .replaceAll('{name}', group.subjectName)
    .replaceAll('{program}', programLabel(group))
    .replaceAll('{periods}', periodRange(group.periods))
    .replaceAll('{amount}', money(group.amountFen))
    .replaceAll('{fact}', facts)
    .replaceAll('{date}', dates.join('、'));
}

export interface ActiveCustomRule {
  code: string;
  version: number;
  name: { zh: string; en: string };
  severity: Severity;
  definition: CustomRuleDefinition;
  queries: (ctx: RuleContext) => RawBuilder<unknown>[];
  explain: (group: WarningGroup) => string;
}

/** The latest active version of every custom rule. */
export async function activeCustomRules(db: Kysely<Database>): Promise<ActiveCustomRule[]> {
  const rows = await db
    .selectFrom('rule_definitions')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('code')
    .execute();
  return rows.map((row) => {
    const definition = validateCustomRule(JSON.parse(row.definition));
    return {
      code: row.code,
      version: row.version,
      name: { zh: row.name_zh, en: row.name_en },
      severity: definition.severity,
      definition,
      queries: compileCustomRule(definition),
      explain: (group) => explainCustom(definition, group),
    };
  });
}

/** Stores a new version of a custom rule (the previous one stays, inactive). */
export async function saveCustomRule(
  { tx, actor, audit }: WriteScope,
  input: unknown,
): Promise<{ code: string; version: number }> {
  const definition = validateCustomRule(input);
  const last = await tx
    .selectFrom('rule_definitions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', definition.code)
    .executeTakeFirstOrThrow();
  const version = (last.v ?? 0) + 1;
  await tx
    .updateTable('rule_definitions')
    .set({ active: 0 })
    .where('code', '=', definition.code)
    .execute();
  await tx
    .insertInto('rule_definitions')
    .values({
      code: definition.code,
      version,
      name_zh: definition.name.zh,
      name_en: definition.name.en,
      definition: JSON.stringify(definition),
      active: 1,
      created_by: actor.name,
      created_at: new Date().toISOString(),
    })
    .execute();
  await audit({
    action: 'rule.save',
    entity: 'rule',
    ids: [`${definition.code}@${version}`],
    after: definition,
  });
  return { code: definition.code, version };
}

export async function deactivateCustomRule({ tx, audit }: WriteScope, code: string): Promise<void> {
  const result = await tx
    .updateTable('rule_definitions')
    .set({ active: 0 })
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new JianduError('NOT_FOUND', { what: code });
  await audit({ action: 'rule.deactivate', entity: 'rule', ids: [code] });
}
