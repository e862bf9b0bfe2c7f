import { Type } from '@sinclair/typebox';
import { boundedInt, idInt, maxInt32 } from '../boundedInt.js';

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const warningView = Type.Object({
  rule: Type.String(),
  subject_id_number: Type.String(),
  subject_name: Type.String(),
  village_code: nullable(Type.String()),
  program_code: nullable(Type.String()),
  periods: Type.Array(Type.String()),
  amount_fen: Type.Integer(),
  record_ids: Type.Array(Type.String()),
  severity: Type.String(),
  score: Type.Integer(),
  explanation: Type.String(),
  id: Type.Integer(),
  subject_kind: Type.String(),
  jurisdiction_code: Type.String(),
  status: Type.String(),
  first_seen_scan: Type.Integer(),
  last_seen_scan: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  cleared_at: nullable(Type.String()),
});

export const warningsQuery = Type.Object(
  {
    rule: Type.Optional(Type.String({ maxLength: 10 })),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('cleared')])),
    severity: Type.Optional(
      Type.Union([Type.Literal('高'), Type.Literal('中'), Type.Literal('低')]),
    ),
    division: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    limit: Type.Optional(boundedInt({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(boundedInt({ minimum: 0, maximum: maxInt32, default: 0 })),
  },
  { additionalProperties: false },
);

export const warningsResponse = Type.Object({
  total: Type.Integer(),
  warnings: Type.Array(warningView),
  bySeverity: Type.Object({ 高: Type.Integer(), 中: Type.Integer(), 低: Type.Integer() }),
});
export const warningParams = Type.Object({ id: idInt() });

const evidenceReason = Type.Object({
  seq: Type.Integer(),
  details: Type.Object({}, { additionalProperties: true }),
  fuzzy: Type.Boolean(),
  self: Type.Boolean(),
});

/** A record of evidence, once, with every reason it hit for. */
export const evidenceRecord = Type.Object({
  seq: Type.Integer(),
  dataset: Type.String(),
  record_ref: Type.String(),
  period: nullable(Type.String()),
  amount_fen: Type.Union([Type.Integer(), Type.Null()]),
  reasons: Type.Array(evidenceReason),
});

export const warningResponse = Type.Object({
  warning: warningView,
  evidence: Type.Array(evidenceRecord),
  ruleName: Type.String(),
});

export const revealBody = Type.Object(
  { reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
export const revealResponse = Type.Object({
  id: Type.Integer(),
  subject_id_number: Type.String(),
  evidence: Type.Array(evidenceRecord),
});

export const networkResponse = Type.Object({
  center: Type.String(),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      id_number: Type.String(),
      name: Type.String(),
      village: nullable(Type.String()),
      official: Type.Boolean(),
      depth: Type.Integer(),
      outside: Type.Boolean(),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      kind: Type.String(),
      source: Type.String(),
      detail: Type.String(),
    }),
  ),
});
