import path from 'node:path';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { chineseHeaders, writeCsv } from '../../test/factories/templateFiles.js';
import { templateRow } from '../../test/factories/templateRows.js';
import {
  describeForEachDatabase,
  tempDir,
  type TestContext,
} from '../../test/helpers/databases.js';
import { scopeOf } from '../auth/scope.js';
import { datasets } from './datasets/index.js';
import { importFile } from './importFile.js';

/** Values that COPY's text format (and a CSV reader) must carry through unchanged. */
const awkward = [
  'C:\\目录\\文件',
  '\\N',
  'tab\there',
  'line one\nline two',
  'cr\r\nlf',
  '"quoted", with commas',
  '   ',
  'plain',
];

function cacheSize(ctx: TestContext): number | null {
  const native = ctx.handle.native;
  return native.kind === 'sqlite'
    ? (native.database.pragma('cache_size', { simple: true }) as number)
    : null;
}

describeForEachDatabase('bulk writer', (current) => {
  for (const useWorker of [false, true]) {
    it(`stores every character of the values as given${useWorker ? ' (worker thread)' : ''}`, async () => {
      const ctx = current();
      const dir = tempDir();
      try {
        const definition = datasets.disbursements;
        const keys = [...definition.fields.map((f) => f.key), '备注'];
        const rows = awkward.map((note, i) => ({
          ...templateRow('disbursements'),
          record_id: `BW-${i}`,
          household_id: i % 2 === 0 ? '' : `H-${i}`,
          备注: note,
        }));
        const file = path.join(dir, 'payments.csv');
        writeCsv(file, chineseHeaders(definition, keys), { keys, rows });
        const cacheBefore = cacheSize(ctx);
        const summary = await importFile(ctx, {
          dataset: 'disbursements',
          filePath: file,
          actor: { id: null, name: 'test' },
          scope: scopeOf('431226000000'),
          useWorker,
        });
        expect(summary).toMatchObject({ accepted: awkward.length, quarantined: 0 });
        // SQLite's page cache, lowered while the rows went in, is the connection's again.
        expect(cacheSize(ctx)).toBe(cacheBefore);
        const stored = await ctx.handle.db
          .selectFrom('ds_disbursements')
          .select(['record_id', 'extra', 'household_id'])
          .orderBy('row_number')
          .execute();
        expect(stored.map((r) => r.record_id)).toEqual(awkward.map((_, i) => `BW-${i}`));
        // An all-blank extra cell is no extra value at all; the others come back exactly.
        expect(
          stored.map((r) => (r.extra === null ? null : (JSON.parse(r.extra) as unknown))),
        ).toEqual(awkward.map((note) => (note.trim() === '' ? null : { 备注: note })));
        // An empty optional field is null, not an empty string, on both databases.
        expect(stored.map((r) => r.household_id)).toEqual(
          awkward.map((_, i) => (i % 2 === 0 ? null : `H-${i}`)),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
