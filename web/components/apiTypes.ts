/** The shapes of the API answers the front end reads (the schema.ts files in src/server). */
export interface DivisionSummary {
  code: string;
  name: string;
  /** 0 country, 1 province, 2 city, 3 county, 4 township, 5 village. */
  level: number;
  /** Names from the province down: "湖南省 怀化市 麻阳苗族自治县". */
  fullName: string;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  /** One of `roles` (src/shared/roles.ts); a string, as the server sends it. */
  role: string;
  jurisdictionCode: string;
  mustChangePassword: boolean;
}

export interface MeResponse {
  user: SessionUser;
  jurisdiction: DivisionSummary;
}

export interface LoginResponse {
  user: SessionUser;
}

export interface OkResponse {
  ok: boolean;
}

export interface UserSummary extends SessionUser {
  /** Name of the user's division, e.g. 锦和镇. */
  jurisdictionName: string;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UsersResponse {
  users: UserSummary[];
}

export interface CreateUserResponse {
  user: UserSummary;
  oneTimePassword: string;
}

export interface ResetPasswordResponse {
  oneTimePassword: string;
}

export interface Division {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface DivisionsResponse {
  divisions: Division[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityIds: string[];
  jurisdictionCode: string | null;
  before: string | null;
  after: string | null;
  hash: string;
}

export interface AuditResponse {
  entries: AuditEntry[];
}

export interface AuditVerifyResponse {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstBreak: { kind: string; seq: number } | null;
  message: string;
}

export interface PortalHomeResponse {
  jurisdiction: DivisionSummary;
  areas: { code: string; name: string; villages: number }[];
}
