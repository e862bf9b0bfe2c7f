import { Type } from '@sinclair/typebox';

export const portalHomeResponse = Type.Object({
  jurisdiction: Type.Object({
    code: Type.String(),
    name: Type.String(),
    level: Type.Integer(),
    fullName: Type.String(),
  }),
  areas: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), villages: Type.Integer() }),
  ),
});
