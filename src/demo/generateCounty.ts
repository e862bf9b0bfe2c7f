import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { csvCell } from '../core/csv.js';
import { datasetKeys } from '../ingest/datasetDefinition.js';
import { datasets } from '../ingest/datasets/index.js';
import { CountyStream } from './countyStream.js';
import type {
  DatasetRows,
  DemoComplaint,
  DemoCounty,
  DemoOptions,
  ExpectedHit,
} from './demoCounty.js';

/**
 * The demo county in memory (fine up to about 50,000 people) or streamed to one CSV per
 * template (UTF-8 with BOM, Chinese headers in template order) in bounded memory.
 */
export function generateCounty(options: DemoOptions): DemoCounty {
  const county = new CountyStream(options);
  const rows: Record<string, DatasetRows[]> = {};
  for (const key of datasetKeys) rows[key] = [];
  for (const _ of county.rows((dataset, row) => rows[dataset]!.push(row))) {
    // Everything is collected by the callback.
  }
  return {
    rows,
    complaints: county.complaints,
    expected: county.expected,
    nearMisses: county.nearMisses,
    today: county.today,
  };
}

export async function writeCountyFiles(
  options: DemoOptions,
  dir: string,
): Promise<{
  files: Record<string, string>;
  expected: ExpectedHit[];
  nearMisses: ExpectedHit[];
  complaints: DemoComplaint[];
  today: string;
}> {
  const county = new CountyStream(options);
  const root = path.resolve(dir);
  await fs.promises.mkdir(root, { recursive: true });
  const files: Record<string, string> = {};
  const writers = datasetKeys.map((key) => {
    const file = path.join(root, `${key}.csv`);
    files[key] = file;
    const fields = datasets[key].fields;
    const stream = fs.createWriteStream(file);
    const writer = {
      key,
      stream,
      keys: fields.map((f) => f.key),
      buffer: `\ufeff${fields.map((f) => csvCell(f.header)).join(',')}\n`,
    };
    return writer;
  });
  const byKey = new Map(writers.map((w) => [w.key as string, w]));
  const flush = async (force: boolean): Promise<void> => {
    for (const writer of writers) {
      if (writer.buffer.length === 0 || (!force && writer.buffer.length < 1 << 14)) continue;
      const ok = writer.stream.write(writer.buffer);
      writer.buffer = '';
      if (!ok) await once(writer.stream, 'drain');
    }
  };
  for (const _ of county.rows((dataset, row) => {
    const writer = byKey.get(dataset)!;
    let line = '';
    for (let i = 0; i < writer.keys.length; i += 1) {
      if (i > 0) line += ',';
      line += csvCell(row[writer.keys[i]!] ?? '');
    }
    writer.buffer += `${line}\n`;
  })) {
    await flush(false);
  }
  await flush(true);
  await Promise.all(
    writers.map(async (writer) => {
      writer.stream.end();
      await once(writer.stream, 'finish');
    }),
  );
  return {
    files,
    expected: county.expected,
    nearMisses: county.nearMisses,
    complaints: county.complaints,
    today: county.today,
  };
}

export type {
  DatasetRows,
  DemoComplaint,
  DemoCounty,
  DemoOptions,
  ExpectedHit,
} from './demoCounty.js';
