/** Where the test PostgreSQL server is: JIANDU_TEST_PG_URL, or the local one. */
export function pgAdminUrl(): string {
  return process.env.JIANDU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The same server, another database. */
export function pgUrlFor(database: string): string {
  const url = new URL(pgAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** jiandu_<kind>_<unix seconds>_<random>: the time lets a later run drop what a killed run left. */
export function testDatabaseName(kind: 't' | 'tpl'): string {
  const seconds = Math.floor(Date.now() / 1000);
  return `jiandu_${kind}_${seconds}_${Math.random().toString(36).slice(2, 10)}`;
}

export function isStaleTestDatabase(name: string, maxAgeSeconds: number): boolean {
  const match = /^jiandu_(?:t|tpl)_(\d+)_/.exec(name);
  return match !== null && Date.now() / 1000 - Number(match[1]) > maxAgeSeconds;
}
