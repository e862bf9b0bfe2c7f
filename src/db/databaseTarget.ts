import path from 'node:path';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export const defaultDatabaseFile = path.join('data', 'jiandu.db');

function fromValue(value: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  return { kind: 'sqlite', file: value };
}

/**
 * Which database to use: `--db FILE` (or a postgres:// URL), else `JIANDU_DB`, else
 * `DATABASE_URL`, else the embedded default `./data/jiandu.db`.
 */
export function resolveDatabaseTarget(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  if (flag) return fromValue(flag);
  if (env.JIANDU_DB) return fromValue(env.JIANDU_DB);
  if (env.DATABASE_URL) return fromValue(env.DATABASE_URL);
  return { kind: 'sqlite', file: defaultDatabaseFile };
}

/** A description safe to print: the password of a URL is never shown. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return target.file;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return 'postgres://(invalid URL)';
  }
}
