import os from 'node:os';
import { sql } from 'kysely';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite, type WriteTx } from '../audit/auditedWrite.js';
import { divisionPrefix } from '../core/divisionCode.js';
import { dataToday } from '../settings/dataToday.js';
import { refreshScanStatistics } from './analyzeTables.js';
import { ensureCalendar } from '../calendar/ensureCalendar.js';
import type { RuleContext } from './ruleContext.js';
import { ruleHitsInsert } from './ruleHitsInsert.js';
import { rulesToRun, type RunnableRule } from './rulesToRun.js';
import { assertNoScanRunning, failScan, openScan } from './scanLock.js';
import { ruleLanes, scanSessionSettings } from './scanSession.js';
import { settleWarnings } from '../warnings/settleWarnings.js';
import { rulesReleaseDigest } from './rulesReleaseDigest.js';
import { ruleSettingsDigest } from './ruleSettings.js';
import { inLanes } from '../core/inLanes.js';
import type { ScanKind } from './rulesTables.js';
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

  const scan = { id: await openScan(ctx, options.actor, jurisdiction, kind), jurisdiction };

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
        const switchToFull = subjectsTooMany(ctx.handle.dialect, listed.rechecked, residents);
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
    const settled = await settleWarnings(
      ctx,
      options.actor,
      { scanId: scan.id, jurisdiction, kind, rules },
      // The scan is done in the same transaction as its warnings.
      async ({ tx, audit }, result) => {
        const counts = {
          new: result.new,
          updated: result.updated,
          unchanged: result.unchanged,
          cleared: result.cleared,
          open: result.open,
        };
        await sql`delete from scan_hits where scan_id = ${scan.id}`.execute(tx);
        await dropScanSubjects(tx, scan.id);
        await tx
          .updateTable('scans')
          .set({
            status: 'done',
            finished_at: new Date().toISOString(),
            counts: JSON.stringify(counts),
          })
          .where('id', '=', scan.id)
          .execute();
        await tx
          .insertInto('scan_watermarks')
          .values({
            jurisdiction_code: jurisdiction,
            approved_seq: seqNow,
            complaint_id: 0,
            settings_hash: settings,
            scan_id: scan.id,
          })
          .onConflict((oc) =>
            oc
              .column('jurisdiction_code')
              .doUpdateSet({ approved_seq: seqNow, settings_hash: settings, scan_id: scan.id }),
          )
          .execute();
        await audit({
          action: 'scan.finish',
          entity: 'scan',
          ids: [scan.id],
          jurisdictionCode: jurisdiction,
          after: {
            kind,
            ...counts,
            new_ids: result.newIds.slice(0, 100),
            updated_ids: result.changedIds.slice(0, 100),
            cleared_ids: result.clearedIds.slice(0, 100),
          },
        });
      },
    );
    return {
      scan_id: scan.id,
      kind,
      jurisdiction,
      new: settled.new,
      updated: settled.updated,
      unchanged: settled.unchanged,
      cleared: settled.cleared,
      open: settled.open,
      subjects,
      hits: hitsByRule,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } catch (error) {
    await failScan(ctx, options.actor, scan, error);
    throw error;
  }
}
