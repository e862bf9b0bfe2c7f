import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCountyFiles } from './generateCounty.js';

/**
 * Writes the demo county's CSV files and reports rows, time and peak memory: the check that
 * the benchmark's county (300,000 people) streams in bounded memory. Too slow for the unit
 * tests; run it by hand:
 *
 *   npx tsx src/demo/measureCountyFiles.ts [people] [dir]
 */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines += 1;
  }
  return lines;
}

async function main(): Promise<void> {
  const people = Number(process.argv[2] ?? 300_000);
  const dir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-county-'));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const result = await writeCountyFiles(
    { region: '431226000000', people, seed: 1, year: 2024 },
    dir,
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const counts: Record<string, number> = {};
  for (const [key, file] of Object.entries(result.files))
    counts[key] = (await countLines(file)) - 1;
  console.log(
    JSON.stringify(
      {
        people,
        dir,
        seconds: Math.round(seconds * 10) / 10,
        peakRssMb: Math.round(peak / 2 ** 20),
        rows: counts,
        complaints: result.complaints.length,
        expected: result.expected.length,
        nearMisses: result.nearMisses.length,
      },
      null,
      2,
    ),
  );
}

await main();
