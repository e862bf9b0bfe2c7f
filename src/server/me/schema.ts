import { Type } from '@sinclair/typebox';
import { sessionUser } from '../session/schema.js';

export const divisionSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
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
