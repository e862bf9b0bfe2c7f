import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialect } from '../src/db/openDatabase.js';
import { writeBulkPayments } from '../test/factories/bulkPayments.js';
import { benchContext, round, type BenchResult } from './harness.js';

const rows = Number(process.env.JIANDU_BENCH_IMPORT_ROWS ?? 1_000_000);
const columns =
  'record_id text, program_code text, id_number text, name text, village_code text, household_id text, household_size text, period text, pay_date text, amount text, bank_account text, account_holder text, account_holder_id_number text, handler_id_number text';

let file: string | null = null;

/** The benchmark file, written once per run (about 140 MB for a million rows). */
async function benchFile(): Promise<string> {
  if (file) return file;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-bench-import-'));
  file = path.join(dir, 'disbursements.csv');
  await writeBulkPayments(file, rows);
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}

/** The ceiling: the database's own bulk loader reading the same file into a bare table. */
function ceilingMs(dialect: Dialect, csv: string, target: string): number {
  const start = process.hrtime.bigint();
  if (dialect === 'sqlite') {
    execFileSync('sqlite3', [target], {
      input: `create table ceiling (${columns});\n.mode csv\n.import --skip 1 ${csv} ceiling\n`,
    });
  } else {
    execFileSync('psql', [
      target,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `create table ceiling (${columns})`,
    ]);
    execFileSync('psql', [
      target,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy ceiling from '${csv}' with (format csv, header true)`,
    ]);
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Import throughput of a million-row disbursement CSV against the database's own bulk
 * load of the same file (`sqlite3 .import`, PostgreSQL `COPY`). Goal: at least half the
 * ceiling's rows per second, under 500 MB resident memory.
 */
export async function importBench(dialect: Dialect): Promise<BenchResult> {
  const csv = await benchFile();
  const { url, destroy } = await benchContext(dialect);
  try {
    const ceiling = ceilingMs(dialect, csv, dialect === 'sqlite' ? `${url}.ceiling` : url);
    if (dialect === 'sqlite') fs.rmSync(`${url}.ceiling`, { force: true });
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'importProcess.ts'), dialect, url, csv],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`the import process failed: ${child.stderr}`);
    const run = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      ms: number;
      accepted: number;
      peak: number;
      rssBefore: number;
    };
    if (run.accepted !== rows) throw new Error(`imported ${run.accepted} of ${rows} rows`);
    const ceilingRate = rows / (ceiling / 1000);
    const rate = rows / (run.ms / 1000);
    return {
      name: 'import (1M-row disbursement CSV)',
      dialect,
      figures: {
        rows,
        [`ceiling (${dialect === 'sqlite' ? 'sqlite3 .import' : 'COPY'}) rows/s`]:
          Math.round(ceilingRate),
        'jiandu import rows/s': Math.round(rate),
        'share of ceiling (goal ≥ 0.5)': round(rate / ceilingRate),
        'import seconds': round(run.ms / 1000, 1),
        'peak resident memory of the importing process, MB (goal < 500)': Math.round(
          run.peak / 1e6,
        ),
        'its resident memory before the import (runtime, modules), MB': Math.round(
          run.rssBefore / 1e6,
        ),
      },
    };
  } finally {
    await destroy();
  }
}
