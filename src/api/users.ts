import { Type, type Static } from '@sinclair/typebox';
import { idInt } from './boundedInt.js';
import { role } from './session.js';

export const userSummary = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role,
  jurisdictionCode: Type.String(),
  /** Name of the user's division, e.g. 锦和镇. */
  jurisdictionName: Type.String(),
  mustChangePassword: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

export const userIdParams = Type.Object({ id: idInt() });

export const createUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    role,
    jurisdictionCode: Type.String({ minLength: 2, maxLength: 12 }),
  },
  { additionalProperties: false },
);

export const listUsersResponse = Type.Object({ users: Type.Array(userSummary) });
export const oneUserResponse = Type.Object({ user: userSummary });
export const createUserResponse = Type.Object({
  user: userSummary,
  oneTimePassword: Type.String(),
});
export const resetPasswordResponse = Type.Object({ oneTimePassword: Type.String() });

export type UserSummary = Static<typeof userSummary>;
export type UsersResponse = Static<typeof listUsersResponse>;
export type CreateUserResponse = Static<typeof createUserResponse>;
export type ResetPasswordResponse = Static<typeof resetPasswordResponse>;
