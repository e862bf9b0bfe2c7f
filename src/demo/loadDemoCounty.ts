import type { AppContext } from '../appContext.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import type { Scope } from '../auth/scope.js';
import type { Actor } from '../audit/actor.js';
import { rowsInMemory, type TableSourceInput } from '../ingest/chunkProducers.js';
import { datasets } from '../ingest/datasets/index.js';
import { isDatasetKey, type DatasetKey } from '../ingest/datasetDefinition.js';
import { importTable } from '../ingest/importTable.js';
import { approveBatch } from '../ingest/reviewBatch.js';
import type { RawRow } from '../ingest/readers/tableReader.js';
import type { DatasetRows, DemoComplaint } from './demoCounty.js';

/** Datasets in the order a county's data arrives: catalogue and registry first, payments last. */
export const loadOrder: DatasetKey[] = [
  'programs',
  'residents',
  'officials',
  'relations',
  'deaths',
  'payroll',
  'vehicles',
  'properties',
  'businesses',
  'disabilities',
  'approvals',
  'disbursements',
];

export interface Loader {
  /** An administrator: the demo's batches are imported and approved as an audited override. */
  actor: Actor;
  scope: Scope;
  onDataset?: (dataset: string, rows: number) => void;
}

/** Generated rows as a table to import. */
export function tableOf(rows: readonly DatasetRows[]): TableSourceInput {
  const keys = Object.keys(rows[0] ?? {});
  const table: RawRow[] = [
    { rowNumber: 1, cells: keys },
    ...rows.map((row, index) => ({
      rowNumber: index + 2,
      cells: keys.map((k) => (row[k] ? row[k] : null)),
    })),
  ];
  return rowsInMemory(table, 'demo');
}

/** The department a demonstration dataset is recorded as coming from. */
export function demoSource(dataset: DatasetKey): string {
  return `演示数据（${datasets[dataset].department}）`;
}

/**
 * Loads a generated county through the same path as real data (validation, quarantine,
 * batches, audit), each batch approved by the administrator as an override that says it is
 * demonstration data.
 */
export async function loadDataset(
  ctx: AppContext,
  loader: Loader,
  dataset: DatasetKey,
  table: TableSourceInput,
): Promise<number> {
  const definition = datasets[dataset];
  const summary = await importTable(ctx, {
    definition,
    source: demoSource(dataset),
    channel: 'file',
    fileName: `demo-${dataset}`,
    table,
    actor: loader.actor,
    scope: loader.scope,
  });
  if (summary.quarantined > 0) {
    throw new Error(
      `demo data for ${dataset}: ${summary.quarantined} rows were quarantined (a generator bug)`,
    );
  }
  if (summary.status === 'pending') {
    await approveBatch(
      ctx,
      { actor: loader.actor, role: 'admin', scope: loader.scope },
      summary.batch_id,
      {
        override: true,
        reason: '演示数据（jiandu init --demo），由系统生成',
      },
    );
  }
  loader.onDataset?.(dataset, summary.accepted);
  return summary.accepted;
}

export async function loadComplaints(
  ctx: AppContext,
  loader: Loader,
  complaints: readonly DemoComplaint[],
): Promise<void> {
  const now = new Date().toISOString();
  await auditedWrite(ctx, loader.actor, async ({ tx, audit }) => {
    for (let i = 0; i < complaints.length; i += 500) {
      await tx
        .insertInto('complaints')
        .values(
          complaints.slice(i, i + 500).map((c) => ({
            complaint_no: c.complaint_id,
            received_date: c.received_date,
            village_code: c.village_code,
            topic: c.topic,
            official_id_number: c.official_id_number === '' ? null : c.official_id_number,
            content: c.content,
            channel: 'demo',
            status: 'received',
            created_at: now,
          })),
        )
        .execute();
    }
    await audit({
      action: 'complaint.load',
      entity: 'complaint',
      ids: [],
      after: { complaints: complaints.length, channel: 'demo' },
    });
  });
  loader.onDataset?.('complaints', complaints.length);
}

/** A county generated in memory. */
export async function loadCountyRows(
  ctx: AppContext,
  loader: Loader,
  county: { rows: Record<string, DatasetRows[]>; complaints: DemoComplaint[] },
): Promise<void> {
  for (const dataset of loadOrder) {
    const rows = county.rows[dataset] ?? [];
    if (rows.length > 0) await loadDataset(ctx, loader, dataset, tableOf(rows));
  }
  await loadComplaints(ctx, loader, county.complaints);
}

/** A county written to CSV files (the benchmark's 300,000 people): read in worker threads. */
export async function loadCountyFiles(
  ctx: AppContext,
  loader: Loader,
  county: { files: Record<string, string>; complaints: DemoComplaint[] },
): Promise<void> {
  for (const dataset of loadOrder) {
    const file = county.files[dataset];
    if (file && isDatasetKey(dataset))
      await loadDataset(ctx, loader, dataset, { kind: 'file', path: file });
  }
  await loadComplaints(ctx, loader, county.complaints);
}
