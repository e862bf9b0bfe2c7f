// One import in a process of its own, as `jiandu import` runs it: import.bench.ts starts it
// so that the memory figure is the import's, not what the benchmark itself allocated before
// (writing the file, the ceiling). Prints one line of JSON.
import { scopeOf } from '../src/auth/scope.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { importFile } from '../src/ingest/importFile.js';

const [dialect, target, file] = process.argv.slice(2);
if (!target || !file || (dialect !== 'sqlite' && dialect !== 'postgres'))
  throw new Error('usage: importProcess.ts sqlite|postgres DATABASE FILE');
const handle =
  dialect === 'sqlite'
    ? await openDatabase({ kind: 'sqlite', file: target })
    : await openDatabase({ kind: 'postgres', url: target });
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const start = process.hrtime.bigint();
const summary = await importFile(
  { handle, config: loadConfig({}) },
  {
    dataset: 'disbursements',
    filePath: file,
    actor: { id: null, name: 'bench' },
    scope: scopeOf('431226000000'),
  },
);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
clearInterval(sampler);
await handle.close();
// The kernel's peak (kilobytes) catches what the sampler missed between its ticks.
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
process.stdout.write(`${JSON.stringify({ ms, accepted: summary.accepted, peak, rssBefore })}\n`);
