import { JianduError } from './core/errors.js';

export type AuditHashAlgorithm = 'sm3' | 'sha256';

/** Operator settings that come from the environment (see README, "Configuration"). */
export interface AppConfig {
  auditHash: AuditHashAlgorithm;
  busyTimeoutMs: number;
  sessionHours: number;
  /** Force the Secure flag on session cookies even over plain HTTP (behind a TLS proxy). */
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  /** Rules a PostgreSQL scan runs at once; 0: one per core, at most four. */
  scanLanes: number;
  /**
   * The deployment's own folder for files it keeps outside the database (uploads being
   * imported); null: the SQLite file's folder, or ./data beside a PostgreSQL database.
   */
  dataDir: string | null;
  /** Imports a server runs at once; more wait in its queue. */
  maxImports: number;
  /** Uploads that may wait for a free import (more are refused). */
  importQueue: number;
  /** Uploads one user may have importing or waiting at once. */
  importsPerUser: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const auditHash = (env.JIANDU_AUDIT_HASH ?? 'sm3').toLowerCase();
  if (auditHash !== 'sm3' && auditHash !== 'sha256') {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `JIANDU_AUDIT_HASH=${auditHash} (sm3 or sha256)`,
    });
  }
  const number = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new JianduError('INVALID_ARGUMENT', { detail: `${name}=${raw}` });
    }
    return value;
  };
  const atLeastOne = (name: string, fallback: number): number => {
    const value = number(name, fallback);
    if (!Number.isInteger(value) || value < 1) {
      throw new JianduError('INVALID_ARGUMENT', { detail: `${name}=${env[name]} (1 or more)` });
    }
    return value;
  };
  const cookie = env.JIANDU_COOKIE_SECURE;
  return {
    auditHash,
    busyTimeoutMs: number('JIANDU_BUSY_TIMEOUT_MS', 5000),
    sessionHours: number('JIANDU_SESSION_HOURS', 12),
    cookieSecure: cookie === 'true' ? true : cookie === 'false' ? false : 'auto',
    trustProxy: env.JIANDU_TRUST_PROXY === 'true',
    scanLanes: Math.floor(number('JIANDU_SCAN_LANES', 0)),
    dataDir: env.JIANDU_DATA_DIR ? env.JIANDU_DATA_DIR : null,
    maxImports: atLeastOne('JIANDU_MAX_IMPORTS', 2),
    importQueue: Math.floor(number('JIANDU_IMPORT_QUEUE', 8)),
    importsPerUser: atLeastOne('JIANDU_IMPORTS_PER_USER', 3),
  };
}
