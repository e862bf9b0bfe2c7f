import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/helpers/cli.js';
import { builtinRules } from './builtin/index.js';
import { ruleSnapshots } from './ruleSnapshots.js';
import { ruleDialects, ruleStatement } from './ruleStatements.js';

const dir = path.join(repoRoot, 'docs', 'sql');
const snapshots = ruleSnapshots();
const withoutSpace = (text: string): string => text.replace(/\s+/g, '');

describe('docs/sql', () => {
  it('holds the SQL every rule runs, up to date (npm run generate:sql)', () => {
    for (const [name, text] of Object.entries(snapshots)) {
      const file = path.join(dir, name);
      expect(fs.existsSync(file), `${name} is missing`).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${name} is stale`).toBe(text);
    }
  });

  it('holds nothing that no rule produces (npm run generate:sql removes it)', () => {
    const orphans = fs.readdirSync(dir).filter((name) => !(name in snapshots));
    expect(orphans, 'produced by no rule').toEqual([]);
  });

  it('shows each statement as it runs, laid out, with the incremental one where it differs', () => {
    for (const rule of builtinRules)
      for (const dialect of ruleDialects)
        for (const incremental of [false, true]) {
          const name = `${rule.code}${incremental ? '.incremental' : ''}.${dialect}.sql`;
          const statement = ruleStatement(rule, dialect, incremental);
          const text = snapshots[name];
          if (text === undefined) {
            // Only the incremental file may be left out: when it would repeat the full one.
            expect(incremental, name).toBe(true);
            expect(statement.sql).toBe(ruleStatement(rule, dialect, false).sql);
            continue;
          }
          const body = text.replace(/^(--.*\n)+/, '');
          expect(withoutSpace(body), name).toBe(withoutSpace(statement.sql));
          expect(text, name).toContain(`-- Parameters: ${JSON.stringify(statement.parameters)}\n`);
          expect(body.split('\n').length, name).toBeGreaterThan(20);
        }
    const sameInBoth = builtinRules.filter(
      (r) => !(`${r.code}.incremental.sqlite.sql` in snapshots),
    );
    expect(sameInBoth.map((r) => r.code)).toEqual(['R14', 'R15']);
  });
});
