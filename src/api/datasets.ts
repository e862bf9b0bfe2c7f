import { Type, type Static } from '@sinclair/typebox';
import { qualityReport } from './quality.js';

export const datasetField = Type.Object({
  key: Type.String(),
  header: Type.String(),
  required: Type.Boolean(),
  kind: Type.String(),
  values: Type.Optional(Type.Array(Type.String())),
});

export const datasetView = Type.Object({
  key: Type.String(),
  name: Type.String(),
  department: Type.String(),
  fields: Type.Array(datasetField),
});

export const datasetsResponse = Type.Object({ datasets: Type.Array(datasetView) });
export const datasetParams = Type.Object({ key: Type.String({ maxLength: 40 }) });
export const qualityResponse = Type.Object({
  quality: qualityReport,
  liveRows: Type.Integer(),
});

export const mappingParams = Type.Object({
  key: Type.String({ maxLength: 40 }),
  source: Type.String({ minLength: 1, maxLength: 100 }),
});
export const mappingBody = Type.Object(
  { mapping: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);
export const mappingResponse = Type.Object({
  mapping: Type.Record(Type.String(), Type.String()),
  /** Whose mapping applies: the user's jurisdiction's, or the nearest one's above it. */
  jurisdictionCode: Type.Union([Type.String(), Type.Null()]),
  savedBy: Type.Union([Type.String(), Type.Null()]),
  savedAt: Type.Union([Type.String(), Type.Null()]),
});

/** A column of an import template (docs/reference/datasets.md). */
export type DatasetField = Static<typeof datasetField>;
export type DatasetSummary = Static<typeof datasetView>;
export type DatasetsResponse = Static<typeof datasetsResponse>;
export type DatasetQualityResponse = Static<typeof qualityResponse>;
export type HeaderMappingResponse = Static<typeof mappingResponse>;
