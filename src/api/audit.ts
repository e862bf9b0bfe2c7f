import { Type, type Static } from '@sinclair/typebox';
import { boundedInt, idInt } from './boundedInt.js';

export const auditQuery = Type.Object(
  {
    limit: Type.Optional(boundedInt({ minimum: 1, maximum: 500, default: 100 })),
    before: Type.Optional(idInt()),
    entity: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const auditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorName: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityIds: Type.Array(Type.String()),
  jurisdictionCode: nullableString,
  before: nullableString,
  after: nullableString,
  hash: Type.String(),
});

export const auditListResponse = Type.Object({ entries: Type.Array(auditEntry) });

export const auditVerifyResponse = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  headSeq: Type.Integer(),
  firstBreak: Type.Union([Type.Object({ kind: Type.String(), seq: Type.Integer() }), Type.Null()]),
  message: Type.String(),
});

export type AuditEntry = Static<typeof auditEntry>;
export type AuditResponse = Static<typeof auditListResponse>;
export type AuditVerifyResponse = Static<typeof auditVerifyResponse>;
