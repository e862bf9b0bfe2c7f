// npm run bench: every benchmark on SQLite and PostgreSQL, each against its reference.
// Options: --only NAME (substring), --sqlite-only, --postgres-only. PostgreSQL: JIANDU_BENCH_PG_URL.
import type { Dialect } from '../src/db/openDatabase.js';
import { auditTrailBench } from './auditTrail.bench.js';
import type { BenchResult } from './harness.js';
import { firstLoadBench } from './firstLoad.bench.js';
import { importBench } from './import.bench.js';
import { scanBench } from './scan.bench.js';
import { jurisdictionLoadBench } from './jurisdictionLoad.bench.js';

const benches: { name: string; run: (dialect: Dialect) => Promise<BenchResult> }[] = [
  { name: 'audit trail', run: auditTrailBench },
  { name: 'jurisdiction load', run: jurisdictionLoadBench },
  { name: 'import', run: importBench },
  { name: 'scan', run: scanBench },
  { name: 'first load', run: firstLoadBench },
];

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dialects: Dialect[] = args.includes('--sqlite-only')
  ? ['sqlite']
  : args.includes('--postgres-only')
    ? ['postgres']
    : ['sqlite', 'postgres'];

for (const bench of benches) {
  if (only && !bench.name.includes(only)) continue;
  for (const dialect of dialects) {
    const result = await bench.run(dialect);
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`\n## ${result.name} [${result.dialect}]`);
    for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key}: ${value}`);
    console.log(`  peak resident memory of this process so far: ${peak} MB`);
  }
}
