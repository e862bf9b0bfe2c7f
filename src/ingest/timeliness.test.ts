import { expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { scopeOf } from '../auth/scope.js';
import { settingKeys, writeSetting } from '../settings/settingsRepository.js';
import { templateRow } from '../../test/factories/templateRows.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { chunkProducerRows } from '../../test/helpers/tableRows.js';
import { datasets } from './datasets/index.js';
import { importTable } from './importTable.js';

describeForEachDatabase('a batch’s timeliness', (current) => {
  it('is judged against the data’s today, as scans are', async () => {
    const ctx = current();
    // A scenario frozen at the end of 2024 (the demo county): its December data is fresh.
    await auditedWrite(ctx, systemActor, (scope) =>
      writeSetting(scope, settingKeys.dataAsOf, '2024-12-31'),
    );
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const summary = await importTable(ctx, {
      definition: datasets.deaths,
      source: '县殡仪馆',
      channel: 'file',
      fileName: 'deaths.csv',
      table: chunkProducerRows([{ ...templateRow('deaths'), death_date: '2024-12-20' }]),
      actor: { id: clerk.id, name: clerk.username },
      scope: scopeOf('431226000000'),
    });
    expect(summary.quality.timeliness).toMatchObject({
      newest: '2024-12-20',
      ageDays: 11,
      score: 100,
    });
  });
});
