import type { Actor } from '../audit/actor.js';
import type { Role } from '../api/roles.js';
import { scopeOf, type Scope } from './scope.js';

/** A signed-in user as routes and commands see them: never the password hash. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  mustChangePassword: boolean;
}

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, name: user.username };
}

export function scopeOfUser(user: SessionUser): Scope {
  return scopeOf(user.jurisdictionCode);
}
