import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { chineseHeaders, writeCsv } from '../../test/factories/templateFiles.js';
import { templateRow } from '../../test/factories/templateRows.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase, tempDir } from '../../test/helpers/databases.js';
import { scopeOf } from '../auth/scope.js';
import { findBatch, toBatchView } from './batchesRepository.js';
import { datasets } from './datasets/index.js';
import { importFile } from './importFile.js';
import { fixTableCsv } from './quarantineExport.js';
import { listQuarantine } from './quarantineRepository.js';
import { approveBatch } from './reviewBatch.js';

const county = scopeOf('431226000000');

describeForEachDatabase('a batch fixed after its approval', (current) => {
  it('keeps counts that add up, and says how many of its quarantined rows were fixed', async () => {
    const ctx = current();
    const dir = tempDir();
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const reviewer = await createTestUser(ctx, { role: 'reviewer' });
    const actor = { id: clerk.id, name: clerk.username };
    const keys = datasets.disbursements.fields.map((f) => f.key);
    const file = path.join(dir, 'payments.csv');
    const bad = { ...templateRow('disbursements'), amount: '五百' };
    writeCsv(file, chineseHeaders(datasets.disbursements, keys), {
      keys,
      rows: [templateRow('disbursements'), templateRow('disbursements'), bad],
    });
    const first = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: file,
      actor,
      scope: county,
    });
    expect(first).toMatchObject({ rows: 3, accepted: 2, quarantined: 1 });
    await approveBatch(
      ctx,
      { actor: { id: reviewer.id, name: reviewer.username }, role: 'reviewer', scope: county },
      first.batch_id,
      { override: true, reason: '一行金额待核实，其余先生效' },
    );
    // The fix file: the amount corrected; the rows wait in a batch of their own.
    const fixFile = path.join(dir, 'fix.csv');
    fs.writeFileSync(
      fixFile,
      fixTableCsv(await listQuarantine(ctx.handle.db, first.batch_id)).replace('五百', '500'),
    );
    const fix = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: fixFile,
      actor,
      scope: county,
      fixes: first.batch_id,
    });
    expect(fix).toMatchObject({ status: 'pending', rows: 1, accepted: 1, quarantined: 0 });
    const parent = toBatchView((await findBatch(ctx.handle.db, county, first.batch_id))!);
    expect(parent).toMatchObject({ rows: 3, accepted: 2, quarantined: 1, fixed: 1 });
    expect(parent.accepted + parent.quarantined + parent.duplicates).toBe(parent.rows);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
