import { Type, type Static } from '@sinclair/typebox';

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** Where a running scan is: the rule under way, how many rules are done of how many. */
export const scanProgress = Type.Object({
  rule: Type.Optional(Type.String()),
  done: Type.Optional(Type.Integer()),
  total: Type.Optional(Type.Integer()),
  /** The rules under way (several run at once on PostgreSQL). */
  running: Type.Optional(Type.Array(Type.String())),
});

/** What a finished scan did to the warnings. */
export const scanCounts = Type.Object({
  new: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  cleared: Type.Integer(),
  open: Type.Integer(),
  /** Hits by rule code. */
  hits: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  seconds: Type.Optional(Type.Number()),
});

export const scanKinds = ['full', 'incremental'] as const;

export const scanView = Type.Object({
  id: Type.Integer(),
  /** full or incremental. */
  kind: Type.Union(scanKinds.map((k) => Type.Literal(k))),
  /** running, done or failed. */
  status: Type.String(),
  triggeredBy: Type.String(),
  startedAt: Type.String(),
  finishedAt: nullable(Type.String()),
  subjects: Type.Union([Type.Integer(), Type.Null()]),
  progress: Type.Union([scanProgress, Type.Null()]),
  counts: Type.Union([scanCounts, Type.Null()]),
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

export type ScanProgress = Static<typeof scanProgress>;
export type ScanCounts = Static<typeof scanCounts>;
export type ScanView = Static<typeof scanView>;
export type ScansResponse = Static<typeof scansResponse>;
