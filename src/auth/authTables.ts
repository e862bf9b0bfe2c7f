import type { Generated } from 'kysely';
import type { Role } from '../shared/roles.js';

/** Users, their roles and jurisdictions, and their sessions. Owned by src/auth. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  /** 12-digit division code: the user sees this division and everything below it. */
  jurisdiction_code: string;
  password_hash: string;
  must_change_password: number;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionTable {
  /** Hash of the session token; the token itself lives only in the user's cookie. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthTables {
  users: UserTable;
  sessions: SessionTable;
}
