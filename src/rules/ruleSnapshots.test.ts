import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/helpers/cli.js';
import { ruleSnapshots } from './ruleSnapshots.js';

describe('docs/sql', () => {
  it('holds the SQL every rule runs, up to date (npm run generate:sql)', () => {
    for (const [name, text] of Object.entries(ruleSnapshots())) {
      const file = path.join(repoRoot, 'docs', 'sql', name);
      expect(fs.existsSync(file), `${name} is missing`).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), `${name} is stale`).toBe(text);
    }
  });
});
