// The file readers of the import pipeline: rows/s and resident memory for a 1M-row CSV in
// UTF-8 (with BOM) and in GB18030, and a 100k-row XLSX, against the raw speed of reading
// the same bytes with fs.createReadStream on this machine (the reference, so the figures
// compare across noisy runs). Each file is read in a fresh child process, so the peak
// resident memory is the reader's and not what generating the files left behind.
// Run alone with: npx tsx bench/readers.bench.ts
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { composeIdNumber } from '../src/core/idNumber.js';
import { openTable } from '../src/ingest/readers/openTable.js';
import { round, timed } from './harness.js';

const csvRows = 1_000_000;
const xlsxRows = 100_000;

const header = [
  '发放记录号',
  '项目代码',
  '身份证号',
  '姓名',
  '村（社区）代码',
  '户号',
  '保障人数',
  '发放期间',
  '发放日期',
  '发放金额',
  '收款账号',
  '账户户名',
  '账户身份证号',
  '经办人身份证号',
];

/** The i-th disbursement, shaped like the county's real exports (fake people). */
function record(i: number): {
  id: string;
  name: string;
  village: string;
  size: number;
  month: string;
  amount: number;
} {
  const birth = `${1940 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return {
    id: composeIdNumber('431226', birth, i % 1000),
    name: `测试${i % 100}`,
    village: `431226101${String(1 + (i % 12)).padStart(3, '0')}`,
    size: 1 + (i % 3),
    month: String(1 + (i % 12)).padStart(2, '0'),
    amount: 300 + (i % 200),
  };
}

function csvLine(i: number): string {
  const r = record(i);
  return `MZ-2024-${String(i).padStart(7, '0')},DB,${r.id},${r.name},${r.village},H${i % 40_000},${r.size},2024-${r.month},2024-${r.month}-15,${r.amount}.00,622202${String(i).padStart(13, '0')},${r.name},${r.id},\n`;
}

/** The same CSV twice: UTF-8 with a BOM (as Excel's "CSV UTF-8") and GB18030 (plain "CSV"). */
async function writeCsvs(utf8File: string, gbFile: string): Promise<void> {
  const utf8 = fs.createWriteStream(utf8File);
  const gb = fs.createWriteStream(gbFile);
  const put = async (text: string): Promise<void> => {
    utf8.write(text);
    gb.write(iconv.encode(text, 'gb18030'));
    // Asked after each wait: one stream may drain while we wait for the other.
    if (utf8.writableNeedDrain) await once(utf8, 'drain');
    if (gb.writableNeedDrain) await once(gb, 'drain');
  };
  utf8.write('\ufeff');
  let text = `${header.join(',')}\n`;
  for (let i = 0; i < csvRows; i += 1) {
    text += csvLine(i);
    if (text.length > 1 << 20) {
      await put(text);
      text = '';
    }
  }
  await put(text);
  utf8.end();
  gb.end();
  await Promise.all([once(utf8, 'finish'), once(gb, 'finish')]);
}

async function writeXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('发放明细');
  sheet.addRow(header).commit();
  for (let i = 0; i < xlsxRows; i += 1) {
    const r = record(i);
    const row = sheet.addRow([
      `MZ-2024-${String(i).padStart(7, '0')}`,
      'DB',
      r.id,
      r.name,
      r.village,
      `H${i % 40_000}`,
      r.size,
      `2024-${r.month}`,
      new Date(Date.UTC(2024, Number(r.month) - 1, 15)),
      r.amount,
      `622202${String(i).padStart(13, '0')}`,
      r.name,
      r.id,
      null,
    ]);
    row.getCell(9).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function rawRead(file: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>)
    bytes += chunk.length;
  return bytes;
}

/** Reads every row of `file` in this process. */
async function readAllRows(file: string): Promise<{ rows: number; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const { ms, value } = await timed(async () => {
    const table = await openTable(file);
    let rows = 0;
    for await (const batch of table.batches()) rows += batch.length;
    table.digest();
    return rows;
  });
  const used = process.cpuUsage(cpu);
  return { rows: value, ms, cpuMs: (used.user + used.system) / 1000 };
}

interface ChildRun {
  rows: number;
  ms: number;
  /** User and system CPU time of the read, all threads (garbage collection included). */
  cpuMs: number;
  /** Peak resident memory of the whole child process, in bytes. */
  peakRss: number;
}

const childFlag = '--read-rows';

/**
 * Reads `file` in a fresh process (`''`: reads nothing, for the baseline), so that its peak
 * resident memory is the reader's alone, not what generating the files left behind.
 */
async function inChild(file: string): Promise<ChildRun> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, script, childFlag, file],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildRun;
}

async function csvParseRows(file: string): Promise<number> {
  let rows = 0;
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ bom: true, relax_quotes: true, skip_empty_lines: true }));
  for await (const _record of parser as AsyncIterable<unknown>) rows += 1;
  return rows;
}

/** The fastest of `runs`: the machine is shared, and noise only ever adds time. */
async function best(runs: number, work: () => Promise<ChildRun>): Promise<ChildRun> {
  let result = await work();
  for (let i = 1; i < runs; i += 1) {
    const next = await work();
    if (next.ms < result.ms) result = next;
  }
  return result;
}

const perSecond = (count: number, ms: number): number => Math.round(count / (ms / 1000));
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

export async function readersBench(): Promise<{
  name: string;
  figures: Record<string, string | number>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-readers-bench-'));
  try {
    const utf8File = path.join(dir, 'disbursements-utf8.csv');
    const gbFile = path.join(dir, 'disbursements-gb18030.csv');
    const xlsxFile = path.join(dir, 'disbursements.xlsx');
    await writeCsvs(utf8File, gbFile);
    await writeXlsx(xlsxFile);
    const utf8Bytes = fs.statSync(utf8File).size;

    const raw = await timed(() => rawRead(utf8File));
    const rawMs = Math.min(raw.ms, (await timed(() => rawRead(utf8File))).ms);
    const baseline = await inChild('');
    const utf8 = await best(2, () => inChild(utf8File));
    const gb = await best(2, () => inChild(gbFile));
    const xlsx = await best(2, () => inChild(xlsxFile));
    const csvParse = await timed(() => csvParseRows(utf8File));
    for (const [label, rows, expected] of [
      ['UTF-8', utf8.rows, csvRows + 1],
      ['GB18030', gb.rows, csvRows + 1],
      ['XLSX', xlsx.rows, xlsxRows + 1],
      ['csv-parse', csvParse.value, csvRows + 1],
    ] as const) {
      if (rows !== expected) throw new Error(`${label}: read ${rows} rows, expected ${expected}`);
    }

    return {
      name: 'file readers',
      figures: {
        'CSV size (UTF-8 / GB18030), MB': `${mb(utf8Bytes)} / ${mb(fs.statSync(gbFile).size)}`,
        'XLSX size, MB': mb(fs.statSync(xlsxFile).size),
        'raw fs read, MB/s (reference)': Math.round(mb(utf8Bytes) / (rawMs / 1000)),
        'raw fs read of the UTF-8 CSV, ms (reference)': Math.round(rawMs),
        'UTF-8 CSV rows/s': perSecond(csvRows, utf8.ms),
        'UTF-8 CSV ÷ raw read time': round(utf8.ms / rawMs),
        'UTF-8 CSV CPU time, ms (all threads)': Math.round(utf8.cpuMs),
        'GB18030 CSV rows/s': perSecond(csvRows, gb.ms),
        'GB18030 CSV ÷ raw read time': round(gb.ms / rawMs),
        'GB18030 CSV CPU time, ms (all threads)': Math.round(gb.cpuMs),
        'XLSX rows/s': perSecond(xlsxRows, xlsx.ms),
        'peak RSS of a child process reading nothing, MB (baseline)': mb(baseline.peakRss),
        'peak RSS reading the UTF-8 / GB18030 CSV, MB': `${mb(utf8.peakRss)} / ${mb(gb.peakRss)}`,
        'peak RSS reading the XLSX, MB': mb(xlsx.peakRss),
        'csv-parse 7 rows/s on the UTF-8 CSV (the alternative)': perSecond(csvRows, csvParse.ms),
        'csv-parse time ÷ UTF-8 CSV reader time': round(csvParse.ms / utf8.ms),
        'node flags': process.execArgv.join(' ') || '(none)',
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes(childFlag)) {
  const file = process.argv[process.argv.indexOf(childFlag) + 1] ?? '';
  const { rows, ms, cpuMs } = file === '' ? { rows: 0, ms: 0, cpuMs: 0 } : await readAllRows(file);
  const run: ChildRun = { rows, ms, cpuMs, peakRss: process.resourceUsage().maxRSS * 1024 };
  console.log(JSON.stringify(run));
} else if (process.argv[1]?.endsWith('readers.bench.ts')) {
  const result = await readersBench();
  console.log(`\n## ${result.name}`);
  for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key}: ${value}`);
}
