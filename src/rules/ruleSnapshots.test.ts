import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/helpers/cli.js';
import { builtinRules } from './builtin/index.js';
import type { BuiltinRule } from './builtinRule.js';
import type { RuleContext } from './ruleContext.js';
import { ruleSnapshots, rulesReleaseDigest } from './ruleSnapshots.js';

describe('docs/sql', () => {
  it('holds the SQL every rule runs, up to date (npm run generate:sql)', () => {
    for (const [name, text] of Object.entries(ruleSnapshots())) {
      const file = path.join(repoRoot, 'docs', 'sql', name);
      expect(fs.existsSync(file), `${name} is missing`).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${name} is stale`).toBe(text);
    }
  });
});

describe('rulesReleaseDigest', () => {
  it('changes when a built-in rule’s statement or explanation does', () => {
    const base = rulesReleaseDigest();
    expect(rulesReleaseDigest([...builtinRules])).toBe(base);
    const R09 = builtinRules.find((r) => r.code === 'R09')!;
    const replaced = (rule: BuiltinRule) => builtinRules.map((r) => (r === R09 ? rule : r));
    const statement = replaced({
      ...R09,
      queries: (ctx: RuleContext) => R09.queries({ ...ctx, prefix: '43' }),
    });
    const explanation = replaced({ ...R09, explain: () => '超标准发放' });
    expect(rulesReleaseDigest(replaced({ ...R09 }))).toBe(base);
    expect(rulesReleaseDigest(statement)).not.toBe(base);
    expect(rulesReleaseDigest(explanation)).not.toBe(base);
  });
});
