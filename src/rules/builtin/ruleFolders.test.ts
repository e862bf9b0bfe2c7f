import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRuleNames } from '../../api/ruleNames.js';
import { builtinRuleDemos } from './demos.js';
import { builtinRules } from './index.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const folders = fs
  .readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const imports = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);

describe('the built-in rules’ folders', () => {
  it('are named for the rule and what it checks, each with its four parts', () => {
    expect(folders).toHaveLength(16);
    for (const folder of folders) {
      expect(folder).toMatch(/^R\d\d(-[a-z]+)+$/);
      for (const part of ['rule.ts', 'ruleName.ts', 'demoCases.ts', 'referenceCheck.ts'])
        expect(fs.existsSync(path.join(dir, folder, part)), `${folder}/${part}`).toBe(true);
    }
  });

  it('are listed, in the same order, by the rules, their names and their demos', () => {
    const codes = folders.map((folder) => folder.slice(0, 3));
    expect(builtinRules.map((r) => r.code)).toEqual(codes);
    expect(builtinRuleNames.map((r) => r.code)).toEqual(codes);
    expect(builtinRuleDemos.map((r) => r.code)).toEqual(codes);
    for (const rule of builtinRules)
      expect(builtinRuleNames.find((n) => n.code === rule.code)).toEqual({
        code: rule.code,
        ...rule.name,
      });
  });

  it('keep the names the web front end bundles free of server code', () => {
    for (const folder of folders)
      expect(imports(path.join(dir, folder, 'ruleName.ts')), folder).toEqual([]);
    const shared = path.join(dir, '..', '..', 'api', 'ruleNames.ts');
    for (const source of imports(shared)) expect(source).toMatch(/\/ruleName\.js$/);
  });
});
