import { Type, type Static } from '@sinclair/typebox';
import { qualityReport } from './quality.js';
import { boundedInt, idInt, maxInt32 } from './boundedInt.js';

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A batch's states (src/ingest/ingestTables.ts says what each means). */
export const batchStatuses = [
  'importing',
  'pending',
  'approved',
  'rejected',
  'rolled_back',
  'failed',
  'no_change',
  'merged',
] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const batchStatus = Type.Union(batchStatuses.map((s) => Type.Literal(s)));

export const batchView = Type.Object({
  id: Type.Integer(),
  dataset: Type.String(),
  source: Type.String(),
  channel: Type.String(),
  fileName: nullable(Type.String()),
  fileHash: nullable(Type.String()),
  uploader: Type.String(),
  jurisdictionCode: Type.String(),
  createdAt: Type.String(),
  finishedAt: nullable(Type.String()),
  status: batchStatus,
  rows: Type.Integer(),
  accepted: Type.Integer(),
  quarantined: Type.Integer(),
  fixed: Type.Integer({ description: 'quarantined rows a later fix file brought in' }),
  duplicates: Type.Integer(),
  versions: Type.Integer(),
  quality: Type.Union([qualityReport, Type.Null()]),
  reviewedBy: nullable(Type.String()),
  reviewedAt: nullable(Type.String()),
  reviewNote: nullable(Type.String()),
  override: Type.Boolean(),
  parentBatchId: Type.Union([Type.Integer(), Type.Null()]),
  uploaderId: Type.Union([Type.Integer(), Type.Null()]),
  rolledBackBy: nullable(Type.String()),
  rolledBackAt: nullable(Type.String()),
  rollbackNote: nullable(Type.String()),
  headerMapping: Type.Union([
    Type.Object({
      source: Type.String(),
      jurisdiction_code: Type.String(),
      saved_by: Type.String(),
      saved_at: Type.String(),
      columns: Type.Integer(),
    }),
    Type.Null(),
  ]),
  whole: Type.Boolean({
    description:
      'false when the reader sees the batch only because some of its rows lie in their jurisdiction',
  }),
});

export const batchListQuery = Type.Object(
  {
    dataset: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(batchStatus),
    limit: Type.Optional(boundedInt({ minimum: 1, maximum: 200, default: 50 })),
    before: Type.Optional(idInt()),
  },
  { additionalProperties: false },
);

export const batchParams = Type.Object({ id: idInt() });

export const batchListResponse = Type.Object({ batches: Type.Array(batchView) });
export const batchResponse = Type.Object({
  batch: batchView,
  /** The validity score (0–100) below which approval needs an override; on GET. */
  validityThreshold: Type.Optional(Type.Integer()),
});

export const approveBody = Type.Object(
  {
    override: Type.Optional(Type.Boolean()),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const reasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const quarantineQuery = Type.Object(
  {
    limit: Type.Optional(boundedInt({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(boundedInt({ minimum: 0, maximum: maxInt32, default: 0 })),
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const quarantineResponse = Type.Object({
  total: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      rowNumber: Type.Integer(),
      raw: Type.Record(Type.String(), Type.String()),
      problems: Type.Array(
        Type.Object({
          field: Type.Union([Type.String(), Type.Null()]),
          header: Type.Union([Type.String(), Type.Null()]),
          value: Type.String(),
          code: Type.String(),
          reason: Type.String(),
        }),
      ),
      resolved: Type.Boolean(),
    }),
  ),
});

export const exportParams = Type.Object({
  id: idInt(),
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
});

export type BatchView = Static<typeof batchView>;
export type BatchesResponse = Static<typeof batchListResponse>;
export type BatchResponse = Static<typeof batchResponse>;
export type QuarantineResponse = Static<typeof quarantineResponse>;
export type QuarantineRow = QuarantineResponse['rows'][number];
export type QuarantineProblem = QuarantineRow['problems'][number];
