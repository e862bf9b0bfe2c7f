import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../appContext.js';
import { dataDirectory } from '../dataDirectory.js';
import { processAlive } from './processAlive.js';

/**
 * Uploaded files wait for their import in the deployment's data folder (never the system's
 * temporary folder, which nothing here would clean after a crash), in `uploads/`, readable
 * by the server's user only. Each file's name says which process saved it, so that what a
 * dead process left behind can be told apart from what a running one is importing.
 */

/** Tells this process from an earlier one that had the same pid (a restarted container). */
const instance = crypto.randomBytes(6).toString('hex');
const host = crypto.createHash('sha256').update(os.hostname()).digest('hex').slice(0, 12);
const uploadName = /^([0-9a-f]{12})-(\d+)-([0-9a-f]{12})-[0-9a-f-]{36}\.upload$/;
/** Whatever wrote it, an upload this old is left over: an import takes minutes. */
const staleMs = 24 * 3600_000;
/** Where earlier versions kept uploads, in the system's temporary folder. */
const legacyPrefix = 'jiandu-upload-';

export function uploadsDirectory(ctx: AppContext): string {
  return path.join(dataDirectory(ctx), 'uploads');
}

/** The path for a new upload (the folder is created, private, if need be). */
export function newUploadPath(ctx: AppContext): string {
  const dir = uploadsDirectory(ctx);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return path.join(dir, `${host}-${process.pid}-${instance}-${crypto.randomUUID()}.upload`);
}

function leftOver(name: string, modifiedMs: number, now: number): boolean {
  const match = uploadName.exec(name);
  if (match?.[1] === host) {
    const pid = Number(match[2]);
    // Two running processes of one host never share a pid: with ours, the file's is dead.
    if (pid === process.pid) return match[3] !== instance;
    if (!processAlive(pid)) return true;
  }
  return now - modifiedMs > staleMs;
}

function removeIfLeftOver(dir: string, name: string, now: number, keep: RegExp | null): boolean {
  if (keep && !keep.test(name)) return false;
  const file = path.join(dir, name);
  try {
    if (!leftOver(name, fs.lstatSync(file).mtimeMs, now)) return false;
    fs.rmSync(file, { recursive: true, force: true });
    return true;
  } catch {
    // Removed meanwhile by its owner, or not ours to remove.
    return false;
  }
}

function entries(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Removes uploads whose process is gone (killed, crashed, or restarted), and those older
 * than a day, and what earlier versions left in the temporary folder; never one of `inUse`
 * (an unfinished import job's, which another process will import). Runs when a server
 * starts and before every import. Returns how many were removed.
 */
export function removeLeftoverUploads(
  ctx: AppContext,
  inUse: ReadonlySet<string> = new Set(),
): number {
  const now = Date.now();
  const dir = uploadsDirectory(ctx);
  let removed = 0;
  for (const name of entries(dir)) {
    if (!inUse.has(name) && removeIfLeftOver(dir, name, now, null)) removed += 1;
  }
  const legacy = new RegExp(`^${legacyPrefix}`);
  for (const name of entries(os.tmpdir())) {
    if (removeIfLeftOver(os.tmpdir(), name, now, legacy)) removed += 1;
  }
  return removed;
}
