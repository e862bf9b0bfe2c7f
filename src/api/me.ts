import { Type, type Static } from '@sinclair/typebox';
import { sessionUser } from './session.js';

/** A division with its names from the province down ("湖南省 怀化市 麻阳苗族自治县"). */
export const divisionSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** 0 country, 1 province, 2 city, 3 county, 4 township, 5 village. */
  level: Type.Integer(),
  fullName: Type.String(),
});

export const meResponse = Type.Object({ user: sessionUser, jurisdiction: divisionSummary });

export const changePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export type DivisionSummary = Static<typeof divisionSummary>;
export type MeResponse = Static<typeof meResponse>;
