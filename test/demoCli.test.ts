import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDemoOptions, hitKey } from '../src/demo/demoCounty.js';
import { generateCounty } from '../src/demo/generateCounty.js';
import { runJiandu } from './helpers/cli.js';
import { tempDir } from './helpers/databases.js';

/**
 * After `jiandu init --demo`, `jiandu scan --full` finds every injected violation and none of
 * the near misses, read from `jiandu warnings --format jsonl` (fields: docs/reference/rules.md).
 */
describe('the demo county from the command line', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds every injected violation and none of the near misses', async () => {
    const db = path.join(dir, 'demo.db');
    const init = await runJiandu(['init', '--demo', '--db', db]);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/已载入演示县：\d+ 人/);
    const scan = await runJiandu(['scan', '--full', '--json', '--db', db]);
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({ kind: 'full', new: 0, cleared: 0 });
    const listed = await runJiandu(['warnings', '--format', 'jsonl', '--db', db]);
    expect(listed.code).toBe(0);
    const warnings = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const w of warnings) {
      expect(Object.keys(w)).toEqual(
        expect.arrayContaining([
          'rule',
          'subject_id_number',
          'subject_name',
          'village_code',
          'program_code',
          'periods',
          'amount_fen',
          'record_ids',
          'severity',
          'score',
          'explanation',
          'fingerprint',
        ]),
      );
    }
    const county = generateCounty(defaultDemoOptions);
    const got = warnings
      .map((w) =>
        hitKey({
          rule: String(w.rule),
          subject: String(w.subject_id_number),
          program_code: (w.program_code as string | null) ?? null,
        }),
      )
      .sort();
    expect(got).toEqual(county.expected.map(hitKey).sort());
    const gotSet = new Set(got);
    expect(county.nearMisses.filter((n) => gotSet.has(hitKey(n)))).toEqual([]);
    const csv = await runJiandu(['warnings', '--format', 'csv', '--rule', 'R01', '--db', db]);
    expect(csv.stdout.split('\n')[0]).toBe(
      'rule,subject_id_number,subject_name,village_code,program_code,periods,amount_fen,record_ids,severity,score,explanation,fingerprint,status',
    );
    expect(csv.stdout.trim().split('\n').length - 1).toBe(
      county.expected.filter((e) => e.rule === 'R01').length,
    );
  }, 120_000);
});
