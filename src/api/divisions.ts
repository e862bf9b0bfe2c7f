import { Type, type Static } from '@sinclair/typebox';

export const division = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});

export const divisionsQuery = Type.Object(
  { parent: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) },
  { additionalProperties: false },
);

export const divisionParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,12}$' }) });

export const divisionsResponse = Type.Object({ divisions: Type.Array(division) });

export const divisionResponse = Type.Object({
  division,
  path: Type.Array(division),
  children: Type.Array(division),
});

export type Division = Static<typeof division>;
export type DivisionsResponse = Static<typeof divisionsResponse>;
export type DivisionResponse = Static<typeof divisionResponse>;
