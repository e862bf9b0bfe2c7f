import os from 'node:os';
import { sql, type Insertable } from 'kysely';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite, type WriteTx } from '../audit/auditedWrite.js';
import { divisionPrefix } from '../core/divisionCode.js';
import { dataToday } from '../settings/dataToday.js';
import { JianduError } from '../core/errors.js';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import {
  digestOf,
  fingerprintOf,
  groupHits,
  riskOf,
  type ComputedWarning,
} from './buildWarnings.js';
import { refreshScanStatistics } from './analyzeTables.js';
import { ensureCalendar } from './calendar.js';
import { activeCustomRules } from './customRules.js';
import type { RuleContext } from './ruleContext.js';
import { ruleHitsInsert } from './ruleHitsInsert.js';
import { rulesReleaseDigest } from './rulesReleaseDigest.js';
import { ruleEnabled, ruleParams, ruleSettingsDigest } from './ruleSettings.js';
import { inLanes } from '../core/inLanes.js';
import type { ScanKind, WarningEvidenceTable, WarningTable } from './rulesTables.js';
import { evidenceOf, keptHits } from './hitEvidence.js';
import { maskNumbers } from './maskNumbers.js';
import { estimatedLiveRows } from '../ingest/batchesRepository.js';
import {
  catalogueChanged,
  collectScanSubjects,
  copyScanPayments,
  dropScanSubjects,
  paymentsChangeLarge,
  recordsChangeLarge,
  subjectsTooMany,
} from './scanSubjects.js';
import type { Hit } from './warningGroup.js';
import { rewriteWarnings, type RescannedValues, type WarningRow } from './warningsRepository.js';

export interface ScanSummary {
  scan_id: number;
  kind: ScanKind;
  jurisdiction: string;
  subjects: number | null;
  new: number;
  updated: number;
  unchanged: number;
  cleared: number;
  open: number;
  hits: Record<string, number>;
  seconds: number;
}

export interface ScanProgress {
  rule: string;
  done: number;
  total: number;
  running: string[];
}

export interface ScanOptions {
  /** 12-digit code of the division to scan (the deployment's by default). */
  jurisdiction: string;
  kind: ScanKind;
  actor: Actor;
  today?: string;
  /** Called as each rule starts and as it ends; `running` lists the rules under way. */
  onProgress?: (progress: ScanProgress) => void;
  /**
   * Each rule's query plan, as the database would run it in this scan (EXPLAIN QUERY PLAN on
   * SQLite, EXPLAIN on PostgreSQL), before the rule runs: for operators looking into a slow
   * scan, and for the test that no rule's plan depends on luck.
   */
  onPlan?: (plan: { rule: string; incremental: boolean; sql: string; lines: string[] }) => void;
}

/** Rules that watch work style re-run in full on every scan: their data is small. */
const alwaysFull = new Set(['R14', 'R15']);

function isUniqueViolation(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One scan at a time per jurisdiction: a running scan of a live process blocks another. */
async function assertNoScanRunning(ctx: AppContext, jurisdiction: string): Promise<void> {
  const running = await ctx.handle.db
    .selectFrom('scans')
    .select(['id', 'progress', 'started_at'])
    .where('jurisdiction_code', '=', jurisdiction)
    .where('status', '=', 'running')
    .execute();
  for (const scan of running) {
    const runner = (JSON.parse(scan.progress ?? '{}') as { runner?: string }).runner ?? '';
    const [host, pid] = runner.split(':');
    const stale =
      (host === os.hostname() && !processAlive(Number(pid))) ||
      Date.now() - Date.parse(scan.started_at) > 6 * 3600_000;
    if (!stale) throw new JianduError('SCAN_RUNNING', { scan: scan.id });
    await auditedWrite(ctx, { id: null, name: 'system' }, async ({ tx, audit }) => {
      await tx
        .updateTable('scans')
        .set({ status: 'failed', error: 'the scan stopped before it finished' })
        .where('id', '=', scan.id)
        .execute();
      await sql`delete from scan_hits where scan_id = ${scan.id}`.execute(tx);
      await dropScanSubjects(tx, scan.id);
      await audit({
        action: 'scan.fail',
        entity: 'scan',
        ids: [scan.id],
        jurisdictionCode: jurisdiction,
      });
    });
  }
}

interface RunnableRule {
  code: string;
  version: number;
  severity: BuiltinRule['severity'];
  explain: BuiltinRule['explain'];
  queries: (ctx: RuleContext) => ReturnType<BuiltinRule['queries']>;
  params: Record<string, unknown>;
  fullOnly: boolean;
}

async function rulesToRun(ctx: AppContext, jurisdiction: string): Promise<RunnableRule[]> {
  const db = ctx.handle.db;
  const out: RunnableRule[] = [];
  for (const rule of builtinRules) {
    if (!(await ruleEnabled(db, jurisdiction, rule.code))) continue;
    out.push({
      code: rule.code,
      version: 1,
      severity: rule.severity,
      explain: rule.explain,
      queries: rule.queries,
      params: await ruleParams(db, jurisdiction, rule),
      fullOnly: alwaysFull.has(rule.code),
    });
  }
  for (const custom of await activeCustomRules(db)) {
    if (!(await ruleEnabled(db, jurisdiction, custom.code))) continue;
    out.push({ ...custom, params: {}, fullOnly: false });
  }
  return out;
}

/**
 * PostgreSQL settings for a scan's transactions. Sorts and hashes of a county's payments fit
 * in memory (with the default 4 MB they spilled to disk); no parallel workers: each worker
 * rebuilt the same hash of every payment (R10 on 1.15 million payments: 4.2 s with two
 * workers, 3.0 s without); and index reads priced for data in memory or on SSD, not spinning
 * disks (an incremental scan's R10 read every payment instead of the accounts' index: 1.6 s
 * against 0.8 s).
 *
 * An incremental scan's rules start from the few re-checked people and reach everything else
 * through indexes, so they run without hash or merge joins. The planner cannot know how few
 * rows a condition like `account_holder_id_number <> id_number` leaves of the copy (most
 * payments go to the beneficiary's own account) and hashed a million residents to test 7,700
 * payments (R10 at 950,000 people: 3.0 s with hash joins, 1.1 s without); and it read all
 * 160,000 vehicles in owner order to merge them with 18,000 listed people (R05: 0.30 s with
 * merge joins, 0.12 s without).
 */
async function scanSessionSettings(
  tx: WriteTx,
  options: { incremental: boolean } = { incremental: false },
): Promise<void> {
  await sql`set local work_mem = '256MB'`.execute(tx);
  await sql`set local max_parallel_workers_per_gather = 0`.execute(tx);
  await sql`set local random_page_cost = 1.1`.execute(tx);
  if (options.incremental) {
    await sql`set local enable_hashjoin = off`.execute(tx);
    await sql`set local enable_mergejoin = off`.execute(tx);
  }
}

/**
 * How many rules run at once. On PostgreSQL each rule is a statement of its own on a
 * connection of its own, so the rules share the machine's cores (a full scan of 3.6 million
 * payments on two cores: 39.7 s one after another, 22.0 s in two lanes). SQLite has one
 * connection: one rule at a time.
 * Each rule's transaction takes the lock on the scan's row and on the audit chain's head at
 * its end, so the lanes wait on each other only for a moment.
 */
function ruleLanes(ctx: AppContext): number {
  if (ctx.handle.dialect !== 'postgres') return 1;
  if (ctx.config.scanLanes > 0) return ctx.config.scanLanes;
  return Math.min(os.availableParallelism(), 4);
}

async function collectRuleHits(
  tx: WriteTx,
  rule: RunnableRule,
  context: RuleContext,
): Promise<number> {
  const result = await ruleHitsInsert(rule, context).execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** The statement of a rule and its plan, one line per step. */
async function explainRule(
  tx: WriteTx,
  rule: RunnableRule,
  context: RuleContext,
): Promise<{ sql: string; lines: string[] }> {
  const statement = ruleHitsInsert(rule, context);
  const text = statement.compile(tx).sql;
  if (context.dialect === 'sqlite') {
    const plan = await sql<{ detail: string }>`explain query plan ${statement}`.execute(tx);
    return { sql: text, lines: plan.rows.map((r) => r.detail) };
  }
  const plan = await sql<{ 'QUERY PLAN': string }>`explain ${statement}`.execute(tx);
  return { sql: text, lines: plan.rows.map((r) => r['QUERY PLAN']) };
}

/**
 * Runs every enabled rule over the live data of a jurisdiction and brings the warnings up to
 * date: new ones added, changed ones updated (same fingerprint: never a duplicate), ones that
 * no longer hold marked cleared, never deleted. Incremental scans re-check only the people
 * touched by batches approved or rolled back since the last scan (and those their facts can
 * reach); a first scan, or one after the rules' settings changed, is full.
 */
export async function runScan(ctx: AppContext, options: ScanOptions): Promise<ScanSummary> {
  const started = Date.now();
  const db = ctx.handle.db;
  const jurisdiction = options.jurisdiction;
  // A demo database is a scenario frozen in time: its scans take the scenario's date as today.
  const today = options.today ?? (await dataToday(db));
  await assertNoScanRunning(ctx, jurisdiction);
  const watermark = await db
    .selectFrom('scan_watermarks')
    .selectAll()
    .where('jurisdiction_code', '=', jurisdiction)
    .executeTakeFirst();
  // The rules' settings, and the built-in rules as this release runs them: after either
  // changes, the next scan is full.
  const settings = JSON.stringify([await ruleSettingsDigest(db), rulesReleaseDigest()]);
  // A change of the programme catalogue (means-tested or not, standards, exclusions, names)
  // bears on every payment of the programme: the scan is full.
  // So does a change too large for an incremental scan to be the cheaper one.
  const residents = await estimatedLiveRows(db, 'residents');
  let kind: ScanKind =
    options.kind === 'incremental' &&
    watermark &&
    watermark.settings_hash === settings &&
    !(await catalogueChanged(db, watermark.approved_seq)) &&
    !(await paymentsChangeLarge(db, watermark.approved_seq)) &&
    !(await recordsChangeLarge(db, watermark.approved_seq, residents))
      ? 'incremental'
      : 'full';
  const seqNow =
    (
      await db
        .selectFrom('ingest_batches')
        .select((eb) => eb.fn.max('approved_seq').as('s'))
        .executeTakeFirstOrThrow()
    ).s ?? 0;
  // Every rule's plan relies on statistics that describe the data as it is now.
  await refreshScanStatistics(ctx);

  let scan: { id: number };
  try {
    scan = await auditedWrite(ctx, options.actor, async ({ tx, audit }) => {
      const row = await tx
        .insertInto('scans')
        .values({
          jurisdiction_code: jurisdiction,
          kind,
          status: 'running',
          triggered_by: options.actor.name,
          started_at: new Date().toISOString(),
          progress: JSON.stringify({ runner: `${os.hostname()}:${process.pid}` }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'scan.start',
        entity: 'scan',
        ids: [row.id],
        jurisdictionCode: jurisdiction,
        after: { kind },
      });
      return row;
    });
  } catch (error) {
    // The unique index on running scans: another scan got there first.
    if (isUniqueViolation(error)) {
      const running = await db
        .selectFrom('scans')
        .select('id')
        .where('jurisdiction_code', '=', jurisdiction)
        .where('status', '=', 'running')
        .executeTakeFirst();
      throw new JianduError('SCAN_RUNNING', { scan: running?.id ?? '?' });
    }
    throw error;
  }

  try {
    await ensureCalendar(ctx);
    let subjects: number | null = null;
    if (kind === 'incremental') {
      subjects = await auditedWrite(ctx, options.actor, async (w) => {
        if (ctx.handle.dialect === 'postgres') await scanSessionSettings(w.tx);
        const listed = await collectScanSubjects(
          w.tx,
          ctx.handle.dialect,
          scan.id,
          watermark?.approved_seq ?? 0,
        );
        // Most of the county to re-check (a first load of vehicles or homes reaches nearly
        // every household): a full scan reads it all at less cost.
        const switchToFull = subjectsTooMany(listed.rechecked, residents);
        if (switchToFull) {
          await dropScanSubjects(w.tx, scan.id);
          await w.tx.updateTable('scans').set({ kind: 'full' }).where('id', '=', scan.id).execute();
        }
        const payments = switchToFull
          ? 0
          : await copyScanPayments(w.tx, ctx.handle.dialect, scan.id);
        await w.audit({
          action: 'scan.subjects',
          entity: 'scan',
          ids: [scan.id],
          jurisdictionCode: jurisdiction,
          after: {
            subjects: listed.rechecked,
            listed: listed.listed,
            payments,
            ...(switchToFull ? { full_instead: true } : {}),
          },
        });
        return switchToFull ? null : listed.rechecked;
      });
      if (subjects === null) kind = 'full';
    }
    const rules = await rulesToRun(ctx, jurisdiction);
    const hitsByRule: Record<string, number> = {};
    let done = 0;
    const running = new Set<string>();
    const runRule = async (rule: RunnableRule): Promise<void> => {
      running.add(rule.code);
      options.onProgress?.({ rule: rule.code, done, total: rules.length, running: [...running] });
      const context: RuleContext = {
        dialect: ctx.handle.dialect,
        scanId: scan.id,
        prefix: divisionPrefix(jurisdiction),
        incremental: kind === 'incremental' && !rule.fullOnly,
        params: rule.params,
        today,
      };
      hitsByRule[rule.code] = await auditedWrite(ctx, options.actor, async (w) => {
        if (ctx.handle.dialect === 'postgres')
          await scanSessionSettings(w.tx, { incremental: context.incremental });
        if (options.onPlan) {
          const plan = await explainRule(w.tx, rule, context);
          options.onPlan({ rule: rule.code, incremental: context.incremental, ...plan });
        }
        const n = await collectRuleHits(w.tx, rule, context);
        await w.tx
          .updateTable('scans')
          .set({
            progress: JSON.stringify({
              runner: `${os.hostname()}:${process.pid}`,
              rule: rule.code,
              done: done + 1,
              total: rules.length,
            }),
          })
          .where('id', '=', scan.id)
          .execute();
        await w.audit({
          action: 'scan.rule',
          entity: 'scan',
          ids: [scan.id],
          jurisdictionCode: jurisdiction,
          after: { rule: rule.code, hits: n },
        });
        return n;
      });
      done += 1;
      running.delete(rule.code);
      options.onProgress?.({ rule: rule.code, done, total: rules.length, running: [...running] });
    };
    await inLanes(rules, ruleLanes(ctx), runRule);
    const summary = await settleWarnings(ctx, options.actor, {
      scanId: scan.id,
      jurisdiction,
      kind,
      rules,
      today,
      seqNow,
      settings,
    });
    return {
      ...summary,
      subjects,
      hits: hitsByRule,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } catch (error) {
    await auditedWrite(ctx, options.actor, async ({ tx, audit }) => {
      await sql`delete from scan_hits where scan_id = ${scan.id}`.execute(tx);
      await dropScanSubjects(tx, scan.id);
      await tx
        .updateTable('scans')
        .set({
          status: 'failed',
          finished_at: new Date().toISOString(),
          error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
        })
        .where('id', '=', scan.id)
        .execute();
      await audit({
        action: 'scan.fail',
        entity: 'scan',
        ids: [scan.id],
        jurisdictionCode: jurisdiction,
      });
    });
    throw error;
  }
}

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

interface Settle {
  scanId: number;
  jurisdiction: string;
  kind: ScanKind;
  rules: RunnableRule[];
  today: string;
  seqNow: number;
  settings: string;
}

/** Turns the scan's hits into warnings, compares them with the stored ones, and writes the difference. */
async function settleWarnings(
  ctx: AppContext,
  actor: Actor,
  s: Settle,
): Promise<Omit<ScanSummary, 'hits' | 'seconds' | 'subjects'>> {
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
    .where('live', '=', 1)
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

  return auditedWrite(ctx, actor, async ({ tx, audit }) => {
    const unchangedIds: number[] = [];
    const changedIds: number[] = [];
    const newIds: number[] = [];
    const fresh: { row: Insertable<WarningTable>; warning: ComputedWarning }[] = [];
    const evidence: Insertable<WarningEvidenceTable>[] = [];
    const rewritten: { id: number; values: RescannedValues }[] = [];
    for (const w of computed) {
      const old = byFingerprint.get(w.fingerprint);
      byFingerprint.delete(w.fingerprint);
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
        status: 'open' as const,
        last_scan_id: s.scanId,
        updated_at: now,
        cleared_at: null,
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
        old.status === 'open' &&
        (JSON.parse(old.facts) as { digest?: string }).digest === w.digest
      ) {
        unchangedIds.push(old.id);
      } else {
        rewritten.push({ id: old.id, values });
        changedIds.push(old.id);
        evidence.push(...evidenceOf(w, old.id));
      }
    }
    await rewriteWarnings(tx, rewritten);
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
    // What the scan no longer finds (for rules it ran) no longer holds: marked, not deleted.
    const clearedIds = [...byFingerprint.values()]
      .filter((w) => w.status === 'open' && ran.has(w.rule_code))
      .map((w) => w.id);
    for (let i = 0; i < clearedIds.length; i += 500) {
      await tx
        .updateTable('warnings')
        .set({ status: 'cleared', cleared_at: now, updated_at: now, last_scan_id: s.scanId })
        .where('id', 'in', clearedIds.slice(i, i + 500))
        .execute();
    }
    counts.cleared = clearedIds.length;
    await sql`delete from scan_hits where scan_id = ${s.scanId}`.execute(tx);
    await dropScanSubjects(tx, s.scanId);
    const open = await tx
      .selectFrom('warnings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('jurisdiction_code', 'like', prefix)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('scans')
      .set({
        status: 'done',
        finished_at: now,
        counts: JSON.stringify({ ...counts, open: open.n }),
      })
      .where('id', '=', s.scanId)
      .execute();
    await tx
      .insertInto('scan_watermarks')
      .values({
        jurisdiction_code: s.jurisdiction,
        approved_seq: s.seqNow,
        complaint_id: 0,
        settings_hash: s.settings,
        scan_id: s.scanId,
      })
      .onConflict((oc) =>
        oc
          .column('jurisdiction_code')
          .doUpdateSet({ approved_seq: s.seqNow, settings_hash: s.settings, scan_id: s.scanId }),
      )
      .execute();
    await audit({
      action: 'scan.finish',
      entity: 'scan',
      ids: [s.scanId],
      jurisdictionCode: s.jurisdiction,
      after: {
        kind: s.kind,
        ...counts,
        open: open.n,
        new_ids: newIds.slice(0, 100),
        updated_ids: changedIds.slice(0, 100),
        cleared_ids: clearedIds.slice(0, 100),
      },
    });
    return {
      scan_id: s.scanId,
      kind: s.kind,
      jurisdiction: s.jurisdiction,
      ...counts,
      open: open.n,
    };
  });
}
