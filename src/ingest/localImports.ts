import crypto from 'node:crypto';
import type { AppConfig } from '../config.js';
import { JianduError } from '../core/errors.js';

/**
 * What of the import limits the jobs table cannot show, held in this process: places taken
 * for uploads whose bytes are still arriving (counted before their job exists), and imports
 * given as a function (`startImportJob`), which cannot be stored.
 */

export interface ImportLimits {
  /** Imports running at once. */
  running: number;
  /** Uploads waiting for a free import, besides those running. */
  waiting: number;
  /** Uploads of one user, running or waiting. */
  perUser: number;
}

export function importLimits(config: AppConfig): ImportLimits {
  return {
    running: config.maxImports,
    waiting: config.importQueue,
    perUser: config.importsPerUser,
  };
}

/** A place for one upload, taken before its bytes are received; its job will have its id. */
export interface ImportTicket {
  readonly id: string;
  readonly ownerId: number;
  release(): void;
}

const places = new Map<string, ImportTicket>();

export function placesHeldHere(): readonly ImportTicket[] {
  return [...places.values()];
}

/** Refuses a place to a user who has their share, or when everything is taken. */
export function assertRoom(
  ownerId: number,
  limits: ImportLimits,
  taken: ReadonlyMap<string, number | null>,
): void {
  let mine = 0;
  for (const owner of taken.values()) if (owner === ownerId) mine += 1;
  if (mine >= limits.perUser) throw new JianduError('IMPORTS_PER_USER', { count: mine });
  if (taken.size >= limits.running + limits.waiting) {
    throw new JianduError('IMPORTS_BUSY', { count: taken.size });
  }
}

/**
 * Takes a place for one more upload of `ownerId` among this process's, or refuses:
 * IMPORTS_PER_USER when the user already has their share, IMPORTS_BUSY when all are taken.
 */
export function reserveImport(ownerId: number, limits: ImportLimits): ImportTicket {
  assertRoom(ownerId, limits, new Map([...places.values()].map((t) => [t.id, t.ownerId])));
  const ticket: ImportTicket = {
    id: crypto.randomUUID(),
    ownerId,
    release: () => {
      places.delete(ticket.id);
    },
  };
  places.set(ticket.id, ticket);
  return ticket;
}

let functionsRunning = 0;
let jobsRunning = 0;
let runningLimit = 1;
const waiting: (() => void)[] = [];

function startWaiting(): void {
  while (functionsRunning + jobsRunning < runningLimit) {
    const next = waiting.shift();
    if (!next) return;
    next();
  }
}

/** Imports given as a function running here: the jobs table does not count them. */
export function functionImportsRunning(): number {
  return functionsRunning;
}

/** Runs `work` while an import job runs here, so that function imports wait their turn. */
export async function asImportJob<T>(work: () => Promise<T>): Promise<T> {
  jobsRunning += 1;
  try {
    return await work();
  } finally {
    jobsRunning -= 1;
    startWaiting();
  }
}

/**
 * Runs `begin` (which settles its own errors) when fewer than `limits.running` imports run
 * here: at once, or when one ends.
 */
export function whenImportSlotFree(limits: ImportLimits, begin: () => Promise<void>): void {
  runningLimit = limits.running;
  waiting.push(() => {
    functionsRunning += 1;
    void begin().finally(() => {
      functionsRunning -= 1;
      startWaiting();
    });
  });
  startWaiting();
}
