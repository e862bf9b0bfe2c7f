import type { AppContext } from '../../src/appContext.js';
import { scopeOf } from '../../src/auth/scope.js';
import { chunkProducerRows } from './tableRows.js';
import { datasets } from '../../src/ingest/datasets/index.js';
import type { DatasetKey } from '../../src/ingest/datasetDefinition.js';
import { importTable } from '../../src/ingest/importTable.js';
import { approveBatch } from '../../src/ingest/reviewBatch.js';
import { createTestUser } from '../factories/users.js';

/**
 * Puts rows into live data the way production does: an import (validation, quarantine)
 * approved by a reviewer. Fails loudly if any row is quarantined.
 */
export async function makeLive(
  ctx: AppContext,
  dataset: DatasetKey,
  rows: Record<string, string>[],
  source = '测试部门',
): Promise<number> {
  const definition = datasets[dataset];
  const clerk = await createTestUser(ctx, { role: 'clerk' });
  const reviewer = await createTestUser(ctx, { role: 'reviewer' });
  const summary = await importTable(ctx, {
    definition,
    source,
    channel: 'exchange',
    fileName: null,
    table: chunkProducerRows(rows),
    actor: { id: clerk.id, name: clerk.username },
    scope: scopeOf('431226000000'),
  });
  if (summary.quarantined > 0)
    throw new Error(`${dataset}: ${summary.quarantined} rows quarantined`);
  if (summary.status === 'no_change') return summary.batch_id;
  await approveBatch(
    ctx,
    {
      actor: { id: reviewer.id, name: reviewer.username },
      role: 'reviewer',
      scope: scopeOf('431226000000'),
    },
    summary.batch_id,
    {
      override: true,
      reason: 'test data',
    },
  );
  return summary.batch_id;
}
