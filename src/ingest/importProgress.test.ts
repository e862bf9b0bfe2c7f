import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { chineseHeaders, writeCsv } from '../../test/factories/templateFiles.js';
import { templateRow } from '../../test/factories/templateRows.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase, tempDir } from '../../test/helpers/databases.js';
import { scopeOf } from '../auth/scope.js';
import { datasets } from './datasets/index.js';
import { importFile } from './importFile.js';
import type { ImportProgress } from './importTable.js';

const dir = tempDir('jiandu-progress-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeForEachDatabase('import progress', (current) => {
  it('reports the bytes of the file read so far and its size, in the thread and in a worker', async () => {
    const ctx = current();
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const definition = datasets.residents;
    const keys = definition.fields.map((f) => f.key);
    for (const useWorker of [false, true]) {
      const file = path.join(dir, `residents-${ctx.handle.dialect}-${useWorker}.csv`);
      const rows = Array.from({ length: 30 }, () => templateRow('residents'));
      writeCsv(file, chineseHeaders(definition, keys), { keys, rows });
      const seen: ImportProgress[] = [];
      await importFile(ctx, {
        dataset: 'residents',
        filePath: file,
        actor: { id: clerk.id, name: clerk.username },
        scope: scopeOf('431226000000'),
        useWorker,
        onProgress: (p) => seen.push(p),
      });
      const size = fs.statSync(file).size;
      expect(seen.at(-1)).toEqual({
        rowsRead: 30,
        accepted: 30,
        quarantined: 0,
        bytesRead: size,
        totalBytes: size,
      });
    }
  });
});
