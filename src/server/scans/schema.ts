import { Type } from '@sinclair/typebox';

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const scanView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  status: Type.String(),
  triggeredBy: Type.String(),
  startedAt: Type.String(),
  finishedAt: nullable(Type.String()),
  subjects: Type.Union([Type.Integer(), Type.Null()]),
  progress: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  counts: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  error: nullable(Type.String()),
});

export const scansResponse = Type.Object({
  scans: Type.Array(scanView),
  running: Type.Boolean(),
  queued: Type.Boolean(),
  lastError: nullable(Type.String()),
});

export const startScanBody = Type.Object(
  { full: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
