import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetKeys } from '../ingest/datasetDefinition.js';
import { datasets } from '../ingest/datasets/index.js';
import { generateCounty, writeCountyFiles } from './generateCounty.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeCountyFiles', () => {
  it('writes one CSV per template with the Chinese headers and the same rows as generateCounty', async () => {
    const options = { region: '431226000000', people: 1200, seed: 9, year: 2024 };
    const written = await writeCountyFiles(options, dir);
    const county = generateCounty(options);
    expect(Object.keys(written.files).sort()).toEqual([...datasetKeys].sort());
    expect(written.expected).toEqual(county.expected);
    expect(written.nearMisses).toEqual(county.nearMisses);
    expect(written.complaints).toEqual(county.complaints);
    expect(written.today).toBe(county.today);
    for (const key of datasetKeys) {
      const file = written.files[key]!;
      expect(path.isAbsolute(file)).toBe(true);
      const bytes = fs.readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records: string[][] = parse(bytes, { bom: true });
      const fields = datasets[key].fields;
      expect(records[0]).toEqual(fields.map((f) => f.header));
      const rows = county.rows[key]!;
      expect(records.length - 1, key).toBe(rows.length);
      rows.forEach((row, i) => expect(records[i + 1]).toEqual(fields.map((f) => row[f.key])));
    }
  });
});
