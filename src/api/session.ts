import { Type, type Static } from '@sinclair/typebox';
import { roles } from './roles.js';

export const role = Type.Union(roles.map((r) => Type.Literal(r)));

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
  role,
  jurisdictionCode: Type.String(),
  mustChangePassword: Type.Boolean(),
});

export const loginResponse = Type.Object({ user: sessionUser });

export type SessionUser = Static<typeof sessionUser>;
export type LoginResponse = Static<typeof loginResponse>;

export const okResponse = Type.Object({ ok: Type.Boolean() });
export type OkResponse = Static<typeof okResponse>;
