import { Type } from '@sinclair/typebox';
import { idInt } from '../boundedInt.js';

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

const counts = Type.Object({
  rowsRead: Type.Integer(),
  accepted: Type.Integer(),
  quarantined: Type.Integer(),
});

export const importJob = Type.Object({
  id: Type.String(),
  dataset: Type.String(),
  fileName: Type.String(),
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  /** While queued: the place in line (1: next). */
  queuePosition: Type.Union([Type.Integer(), Type.Null()]),
  progress: counts,
  startedAt: Type.String(),
  endedAt: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
});

export const importJobResponse = Type.Object({ job: importJob });
