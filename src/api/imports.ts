import { Type, type Static } from '@sinclair/typebox';
import { batchStatus } from './batches.js';
import { idInt } from './boundedInt.js';
import { qualityReport } from './quality.js';

export const importQuery = Type.Object(
  {
    dataset: Type.String({ maxLength: 40 }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    source: Type.Optional(Type.String({ maxLength: 100 })),
    fixes: Type.Optional(idInt()),
  },
  { additionalProperties: false },
);

export const jobParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const nullableString = Type.Union([Type.String(), Type.Null()]);

/** The saved column names a file was read with. */
export const headerMappingUse = Type.Object({
  source: Type.String(),
  jurisdiction_code: Type.String(),
  saved_by: Type.String(),
  saved_at: Type.String(),
  columns: Type.Integer(),
});

/** What an import produced (snake_case: `jiandu import --json` prints the same keys). */
export const importSummary = Type.Object({
  batch_id: Type.Integer(),
  dataset: Type.String(),
  source: Type.String(),
  status: batchStatus,
  rows: Type.Integer(),
  accepted: Type.Integer(),
  quarantined: Type.Integer(),
  duplicates: Type.Integer(),
  versions: Type.Integer(),
  quality: qualityReport,
  file_hash: nullableString,
  /** When the file fixed rows of a pending batch: the batch they joined. */
  merged_into: Type.Union([Type.Integer(), Type.Null()]),
  header_mapping: Type.Union([headerMappingUse, Type.Null()]),
});
export type ImportSummary = Static<typeof importSummary>;

export const importJobStates = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobState = (typeof importJobStates)[number];

const counts = Type.Object({
  rowsRead: Type.Integer(),
  accepted: Type.Integer(),
  quarantined: Type.Integer(),
});

export const importJob = Type.Object({
  id: Type.String(),
  dataset: Type.String(),
  fileName: Type.String(),
  state: Type.Union(importJobStates.map((s) => Type.Literal(s))),
  /** While queued: the place in line (1: next). */
  queuePosition: Type.Union([Type.Integer(), Type.Null()]),
  progress: counts,
  startedAt: Type.String(),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Union([importSummary, Type.Null()]),
  /** A failed import: the reason in plain words, in the interface language. */
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
});

export const importJobResponse = Type.Object({ job: importJob });

export type ImportProgress = Static<typeof counts>;
export type ImportJob = Static<typeof importJob>;
export type ImportJobResponse = Static<typeof importJobResponse>;
