import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AppContext } from '../src/appContext.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase, type Dialect } from '../src/db/openDatabase.js';

/** Benchmarks compare Jiandu with a reference run in the same process, as a ratio. */
export interface BenchResult {
  name: string;
  dialect: Dialect;
  figures: Record<string, string | number>;
}

export function pgBenchAdminUrl(): string {
  return process.env.JIANDU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh migrated database for one benchmark; removed by the returned function. */
export async function benchContext(
  dialect: Dialect,
): Promise<{ ctx: AppContext; url: string; destroy: () => Promise<void> }> {
  const config = loadConfig({});
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-bench-'));
    const file = path.join(dir, 'bench.db');
    const handle = await openDatabase({ kind: 'sqlite', file }, { create: true });
    await migrateToLatest(handle);
    return {
      ctx: { handle, config },
      url: file,
      destroy: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `jiandu_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgBenchAdminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgBenchAdminUrl());
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(handle);
  return {
    ctx: { handle, config },
    url: url.toString(),
    destroy: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: pgBenchAdminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
