import { Type, type Static } from '@sinclair/typebox';

export const loginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof loginBody>;

export const sessionUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  jurisdictionCode: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const loginResponse = Type.Object({ user: sessionUser });
