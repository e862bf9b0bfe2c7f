import { Type, type Static } from '@sinclair/typebox';

const score = Type.Integer({ minimum: 0, maximum: 100 });

/**
 * Data quality on five dimensions, each a score from 0 to 100 with the counts behind it: per
 * batch (at import) and per dataset (over the live rows).
 */
export const qualityReport = Type.Object({
  completeness: Type.Object({ score, filled: Type.Integer(), expected: Type.Integer() }),
  validity: Type.Object({ score, valid: Type.Integer(), rows: Type.Integer() }),
  uniqueness: Type.Object({ score, repeated: Type.Integer(), rows: Type.Integer() }),
  consistency: Type.Object({
    score,
    inconsistent: Type.Integer(),
    rows: Type.Integer(),
    /** Check name (row_warnings, not_in_registry…) → rows that failed it. */
    checks: Type.Record(Type.String(), Type.Integer()),
  }),
  timeliness: Type.Object({
    score: Type.Union([score, Type.Null()]),
    newest: Type.Union([Type.String(), Type.Null()]),
    ageDays: Type.Union([Type.Integer(), Type.Null()]),
  }),
});
export type QualityReport = Static<typeof qualityReport>;
