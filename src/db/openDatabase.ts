import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import pg from 'pg';
import { JianduError } from '../core/errors.js';
import { describeTarget, type DatabaseTarget } from './databaseTarget.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** The driver underneath Kysely, for bulk paths (prepared statements, COPY) that Kysely lacks. */
export type NativeDriver =
  { kind: 'sqlite'; database: SqliteDatabase.Database } | { kind: 'postgres'; pool: pg.Pool };

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  native: NativeDriver;
  target: DatabaseTarget;
  /** Printable name of the database (no password). */
  label: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the SQLite file (and its folder) when it does not exist: only `init` does. */
  create?: boolean;
  /** How long to wait for another process's lock, in milliseconds. */
  busyTimeoutMs?: number;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

// PostgreSQL returns bigint and numeric as strings; our values (fen, counts) fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return String(error.code);
  }
  return '';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether an error says the disk is full: a file write's ENOSPC (or a quota's EDQUOT),
 * SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100).
 */
export function isDiskFull(error: unknown): boolean {
  return ['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100'].includes(errorCode(error));
}

/** Maps driver errors about the database itself to Jiandu errors; other errors pass. */
export function classifyDatabaseError(error: unknown, label: string): unknown {
  if (error instanceof JianduError) return error;
  const code = errorCode(error);
  if (isDiskFull(error)) return new JianduError('DISK_FULL', {}, { cause: error });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new JianduError('DB_CORRUPT', { target: label }, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new JianduError('DB_LOCKED', { target: label }, { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return new JianduError(
      'DB_UNREACHABLE',
      { target: label, detail: errorText(error) },
      { cause: error },
    );
  }
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'].includes(
      code,
    ) ||
    ['28P01', '28000', '3D000', '57P03'].includes(code) ||
    /timeout expired|Connection terminated/i.test(errorText(error))
  ) {
    return new JianduError(
      'DB_UNREACHABLE',
      { target: label, detail: errorText(error) },
      { cause: error },
    );
  }
  return error;
}

/**
 * SQLite itself rolls a transaction back on some errors (SQLITE_FULL: a full disk); Kysely
 * then sends ROLLBACK all the same, and its "no transaction is active" error would replace
 * the one that says what happened. This driver rolls back only what is still open.
 */
class SqliteKeepingErrors extends SqliteDialect {
  constructor(private readonly raw: SqliteDatabase.Database) {
    super({ database: raw });
  }

  override createDriver(): Driver {
    const raw = this.raw;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (raw.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: raw });
  }
}

function openSqlite(target: { kind: 'sqlite'; file: string }, options: OpenOptions): DbHandle {
  const label = target.file;
  const memory = target.file === ':memory:';
  if (!memory && !fs.existsSync(target.file)) {
    if (!options.create) throw new JianduError('DB_NOT_INITIALISED');
    fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
  }
  let raw: SqliteDatabase.Database;
  try {
    raw = new SqliteDatabase(target.file, { timeout: options.busyTimeoutMs ?? 5000 });
    // The first statements read the header: a file that is not a database fails here.
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('cache_size = -65536');
    raw.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    throw classifyDatabaseError(error, label);
  }
  const db = new Kysely<Database>({ dialect: new SqliteKeepingErrors(raw) });
  return {
    db,
    dialect: 'sqlite',
    native: { kind: 'sqlite', database: raw },
    target,
    label,
    close: () => db.destroy(),
  };
}

async function openPostgres(
  target: { kind: 'postgres'; url: string },
  options: OpenOptions,
): Promise<DbHandle> {
  const label = describeTarget(target);
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    // JIT compilation costs Jiandu's many mid-sized queries more time than it saves them.
    options: '-c jit=off',
  });
  // An idle client's network error must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await client.query('select 1');
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw classifyDatabaseError(error, label);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    native: { kind: 'postgres', pool },
    target,
    label,
    close: () => db.destroy(),
  };
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DbHandle> {
  if (target.kind === 'sqlite') return openSqlite(target, options);
  return openPostgres(target, options);
}
