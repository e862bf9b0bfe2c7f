import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AppContext } from '../src/appContext.js';
import { systemActor } from '../src/audit/actor.js';
import { createAdministrator } from '../src/auth/createAdministrator.js';
import { scopeOf } from '../src/auth/scope.js';
import { findUserByUsername } from '../src/auth/usersRepository.js';
import type { Dialect } from '../src/db/openDatabase.js';
import type { Database } from '../src/db/schema.js';
import type { DemoComplaint } from '../src/demo/demoCounty.js';
import { writeCountyFiles } from '../src/demo/generateCounty.js';
import { demoSource, loadCountyFiles } from '../src/demo/loadDemoCounty.js';
import { importFile } from '../src/ingest/importFile.js';
import { approveBatch, rollbackBatch } from '../src/ingest/reviewBatch.js';
import { loadJurisdiction } from '../src/jurisdiction/loadJurisdiction.js';
import { builtinRules } from '../src/rules/builtin/index.js';
import { ruleHitsInsert } from '../src/rules/ruleHitsInsert.js';
import { runScan } from '../src/rules/runScan.js';
import { benchContext, round, timed, type BenchResult } from './harness.js';

/** People of the benchmark county (the generator gives about 3.8 payments a person a year). */
const people = Number(process.env.JIANDU_BENCH_PEOPLE ?? 950_000);
const root = '431226000000';
const incrementalRows = 10_000;

interface County {
  dir: string;
  files: Record<string, string>;
  complaints: DemoComplaint[];
  today: string;
  expected: number;
}

let county: County | null = null;

async function benchCounty(): Promise<County> {
  if (county) return county;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-bench-county-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const written = await writeCountyFiles({ region: root, people, seed: 2024, year: 2024 }, dir);
  county = {
    dir,
    files: written.files,
    complaints: written.complaints,
    today: written.today,
    expected: written.expected.length,
  };
  return county;
}

async function loadCounty(
  ctx: AppContext,
  c: County,
): Promise<{ payments: number; seconds: number }> {
  await loadJurisdiction(ctx, systemActor, root);
  await createAdministrator(ctx, root);
  const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
  let payments = 0;
  const load = await timed(() =>
    loadCountyFiles(
      ctx,
      {
        actor: { id: admin.id, name: 'admin' },
        scope: scopeOf(root),
        onDataset: (d, n) => (d === 'disbursements' ? (payments = n) : undefined),
      },
      c,
    ),
  );
  return { payments, seconds: load.ms / 1000 };
}

/**
 * 10,000 new payments (for existing beneficiaries, in the given month of next year), or with
 * `corrected` 10,000 existing payments with another amount (new versions of their records), as
 * a CSV of the template.
 */
async function incrementalFile(
  ctx: AppContext,
  c: County,
  batch: { month: number } | 'corrected',
): Promise<string> {
  const corrected = batch === 'corrected';
  const month = corrected ? '' : `2025-${String(batch.month).padStart(2, '0')}`;
  const rows = await ctx.handle.db
    .selectFrom('ds_disbursements')
    .selectAll()
    .where('live', '=', 1)
    .where('period', '=', corrected ? '2024-06' : '2024-12')
    .orderBy('row_id')
    .limit(incrementalRows)
    .execute();
  const header =
    '发放记录号,项目代码,身份证号,姓名,村（社区）代码,户号,保障人数,发放期间,发放日期,发放金额,收款账号,账户户名,账户身份证号,经办人身份证号';
  const lines = rows.map((r, i) =>
    [
      corrected ? r.record_id : `INC-${month}-${i}`,
      r.program_code,
      r.id_number,
      r.name,
      r.village_code,
      r.household_id ?? '',
      r.household_size,
      corrected ? r.period : month,
      corrected ? r.pay_date : `${month}-10`,
      ((r.amount_fen + (corrected ? 100 : 0)) / 100).toFixed(2),
      r.bank_account,
      r.account_holder,
      r.account_holder_id_number ?? '',
      r.handler_id_number ?? '',
    ].join(','),
  );
  const file = path.join(c.dir, corrected ? 'corrected.csv' : `incremental-${month}.csv`);
  fs.writeFileSync(file, `\ufeff${header}\n${lines.join('\n')}\n`);
  return file;
}

const duckTypes: Record<string, string> = {
  text: 'VARCHAR',
  integer: 'BIGINT',
  bigint: 'BIGINT',
  'double precision': 'DOUBLE',
};

/**
 * The reference: the same rule statements (as compiled for SQLite) run by DuckDB over a copy
 * of the same tables, in memory.
 */
async function duckdbReference(
  sqliteFile: string,
  c: County,
): Promise<{ ms: number; hits: number }> {
  const raw = new SqliteDatabase(sqliteFile, { readonly: true });
  const compiler = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const tables = raw
    .prepare(
      "select name from sqlite_master where type = 'table' and (name like 'ds_%' or name in ('calendar', 'divisions', 'complaints', 'scan_hits', 'scan_subjects'))",
    )
    .all() as { name: string }[];
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  for (const { name } of tables) {
    const columns = raw.prepare(`pragma table_info(${name})`).all() as {
      name: string;
      type: string;
    }[];
    await duck.run(
      `create table ${name} (${columns.map((col) => `"${col.name}" ${duckTypes[col.type.toLowerCase()] ?? 'VARCHAR'}`).join(', ')})`,
    );
    const count = raw.prepare(`select count(*) as n from ${name}`).get() as { n: number };
    if (count.n === 0) continue;
    const csv = path.join(c.dir, `${name}.duck.csv`);
    execFileSync('sqlite3', ['-readonly', sqliteFile], {
      input: `.headers on\n.mode csv\n.output ${csv}\nselect * from ${name};\n`,
    });
    await duck.run(`copy ${name} from '${csv}' (header true, nullstr '')`);
    fs.rmSync(csv, { force: true });
  }
  let total = 0;
  let hits = 0;
  for (const rule of builtinRules) {
    const statement = ruleHitsInsert(rule, {
      dialect: 'sqlite',
      scanId: 1,
      prefix: '431226',
      incremental: false,
      params: rule.params,
      today: c.today,
    }).compile(compiler);
    const run = await timed(() =>
      duck.run(statement.sql, statement.parameters as (string | number)[]),
    );
    total += run.ms;
    hits += run.value.rowsChanged;
  }
  duck.closeSync();
  raw.close();
  return { ms: total, hits };
}

let reference: { ms: number; hits: number } | null = null;

/**
 * A full scan of a county with a year of payments on SQLite and on PostgreSQL, against the same
 * rule statements run by DuckDB on the same data; then an incremental scan after a
 * 10,000-row batch. Goals: full scan under 60 s and within 3× DuckDB; incremental under 2 s.
 */
export async function scanBench(dialect: Dialect): Promise<BenchResult> {
  const c = await benchCounty();
  const { ctx, url, destroy } = await benchContext(dialect);
  try {
    const load = await loadCounty(ctx, c);
    const full = await timed(() =>
      runScan(ctx, { jurisdiction: root, kind: 'full', actor: systemActor, today: c.today }),
    );
    if (dialect === 'sqlite' && !reference) reference = await duckdbReference(url, c);
    const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
    const actor = { id: admin.id, name: 'admin' };
    // Three months of new payments, each approved and scanned: the median is the figure (one
    // run on a busy machine can be off by a third).
    const incrementals: { ms: number; subjects: number }[] = [];
    for (const month of [1, 2, 3]) {
      const batch = await importFile(ctx, {
        dataset: 'disbursements',
        filePath: await incrementalFile(ctx, c, { month }),
        actor,
        scope: scopeOf(root),
      });
      await approveBatch(ctx, { actor, role: 'admin', scope: scopeOf(root) }, batch.batch_id, {
        override: true,
        reason: 'benchmark',
      });
      const scan = await timed(() =>
        runScan(ctx, {
          jurisdiction: root,
          kind: 'incremental',
          actor: systemActor,
          today: c.today,
        }),
      );
      incrementals.push({ ms: scan.ms, subjects: scan.value.subjects ?? 0 });
    }
    const incremental = [...incrementals].sort((a, b) => a.ms - b.ms)[1]!;
    // Corrections of existing records: approval replaces the live versions, a rollback brings
    // them back (both right after the import, younger than the planner's statistics).
    const corrections = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: await incrementalFile(ctx, c, 'corrected'),
      source: demoSource('disbursements'),
      actor,
      scope: scopeOf(root),
    });
    if (corrections.versions === 0 || corrections.versions !== corrections.accepted)
      throw new Error(`${corrections.versions} versions of ${corrections.accepted} rows`);
    const reviewer = { actor, role: 'admin' as const, scope: scopeOf(root) };
    const approval = await timed(() =>
      approveBatch(ctx, reviewer, corrections.batch_id, { override: true, reason: 'benchmark' }),
    );
    const rollback = await timed(() =>
      rollbackBatch(ctx, reviewer, corrections.batch_id, 'benchmark'),
    );
    const figures: BenchResult['figures'] = {
      people,
      'payment rows': load.payments,
      'load (import + approve every dataset), s': round(load.seconds, 1),
      'full scan, s (goal < 60)': round(full.ms / 1000, 1),
      'warnings (expected by the generator)': `${full.value.open} (${c.expected})`,
      [`incremental scan after a ${incrementalRows}-row batch, s, median of 3 (goal < 2)`]: round(
        incremental.ms / 1000,
        2,
      ),
      'incremental: each of the three batches, s': incrementals
        .map((i) => round(i.ms / 1000, 2))
        .join(' / '),
      'incremental: people re-checked': incremental.subjects,
      [`approve ${corrections.versions} corrected payments (new versions), s`]: round(
        approval.ms / 1000,
        2,
      ),
      'roll that batch back (the old versions live again), s': round(rollback.ms / 1000, 2),
    };
    if (reference) {
      figures['DuckDB, same rule statements, s (reference)'] = round(reference.ms / 1000, 1);
      figures['full scan ÷ DuckDB (goal ≤ 3)'] = round(full.ms / reference.ms, 1);
    }
    return { name: 'cross-check scan', dialect, figures };
  } finally {
    await destroy();
  }
}
