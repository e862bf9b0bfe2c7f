import type { Generated } from 'kysely';
import type { Role } from '../api/roles.js';

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
  /** Wrong passwords since the last sign-in (counted atomically in the database). */
  failed_logins: number;
  /** The account's next attempt is not looked at before this time (the back-off). */
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** The office (src/leads) a handler works in. */
  office_id: Generated<number | null>;
  /** SHA-256 of the user's ID number when known: conflict-of-interest checks of leads. */
  id_number_hash: Generated<string | null>;
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

/** Failed sign-ins of one client address (see login.ts for the back-off). */
export interface LoginClientTable {
  client: string;
  failures: number;
  next_attempt_at: string | null;
  last_failure_at: string;
}

export interface AuthTables {
  users: UserTable;
  sessions: SessionTable;
  login_clients: LoginClientTable;
}
