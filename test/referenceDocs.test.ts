import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillGenerated, referenceDocs, type ReferenceDoc } from '../scripts/referenceDocs.js';
import { commands } from '../src/cli/main.js';
import { datasetKeys } from '../src/ingest/datasetDefinition.js';
import { datasets } from '../src/ingest/datasets/index.js';
import { builtinRules } from '../src/rules/builtin/index.js';
import { repoRoot } from './helpers/cli.js';

function docOf(kind: string): { doc: ReferenceDoc; text: string } {
  const doc = referenceDocs().find((d) => d.kind === kind)!;
  return { doc, text: fs.readFileSync(path.join(repoRoot, doc.path), 'utf8') };
}

/** The level-2 headings of a file, without the `## `. */
function headings(text: string): string[] {
  return [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
}

describe('docs/reference', () => {
  it('is up to date with the code (npm run generate:docs)', () => {
    for (const kind of ['dataset', 'rule', 'command']) {
      const { doc, text } = docOf(kind);
      expect(fillGenerated(text, doc), `${doc.path} is stale: run npm run generate:docs`).toBe(
        text,
      );
    }
  });

  it('has a section for every dataset, listing each of its columns', () => {
    const { text } = docOf('dataset');
    for (const key of datasetKeys) {
      expect(headings(text)).toContainEqual(expect.stringMatching(new RegExp(`^${key} `)));
      const section = text
        .split(`<!-- generated dataset:${key} -->`)[1]!
        .split('<!-- /generated -->')[0]!;
      for (const field of datasets[key].fields)
        expect(section, `${key}.${field.key}`).toContain(`| \`${field.key}\` | ${field.header} |`);
    }
  });

  it('has a section for every built-in rule and none for a rule that does not exist', () => {
    const { text } = docOf('rule');
    const codes = builtinRules.map((r) => r.code);
    const named = headings(text)
      .map((h) => /^(R\d+)\b/.exec(h)?.[1])
      .filter((code) => code !== undefined);
    expect(named).toEqual(codes);
    // Rule codes named anywhere in the prose exist too.
    const mentioned = new Set(text.match(/\bR\d{2}\b/g));
    expect([...mentioned].filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('has a section for every command of the command line', () => {
    const { text } = docOf('command');
    const named = headings(text)
      .map((h) => /^jiandu ([a-z-]+)$/.exec(h)?.[1])
      .filter((name) => name !== undefined);
    expect(named).toEqual(Object.keys(commands));
  });

  it('refuses a file missing a section, or with a section of something unknown', () => {
    const { doc, text } = docOf('rule');
    const withoutR05 = text.replace(/<!-- generated rule:R05 -->[\s\S]*?<!-- \/generated -->/, '');
    expect(() => fillGenerated(withoutR05, doc)).toThrow(/no section for rule:R05/);
    const withR99 = `${text}\n<!-- generated rule:R99 -->\n<!-- /generated -->\n`;
    expect(() => fillGenerated(withR99, doc)).toThrow(/rule:R99, which does not exist/);
  });
});
