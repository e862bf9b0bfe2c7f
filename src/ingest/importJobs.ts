import crypto from 'node:crypto';
import type { AppConfig } from '../config.js';
import { JianduError } from '../core/errors.js';
import type { ImportSummary } from './finaliseBatch.js';
import type { ImportProgress } from './importTable.js';

/**
 * Imports started from the console run in the background of the server; the page asks for
 * their progress. Jobs live in the server's memory for an hour after they end (the batch
 * itself is in the database for good).
 *
 * A server runs a few imports at once (each reads and writes as fast as it can); the
 * others wait their turn in a queue, which is bounded, as is each user's share of it: an
 * upload that would not fit is refused before its bytes are received.
 */
export interface ImportJob {
  id: string;
  /** Who started it: only they (and administrators) may read it. */
  ownerId: number;
  jurisdictionCode: string;
  dataset: string;
  fileName: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: ImportProgress;
  startedAt: string;
  endedAt: string | null;
  summary: ImportSummary | null;
  error: { code: string; message: { zh: string; en: string } } | null;
}

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

/** An upload's place, taken before its bytes are received and given back when it ends. */
export interface ImportTicket {
  readonly ownerId: number;
  release(): void;
}

const jobs = new Map<string, ImportJob>();
const keepMs = 3600_000;
const tickets = new Set<ImportTicket>();
const waiting: { job: ImportJob; begin: () => void }[] = [];
let running = 0;
let runningLimit = 1;

function sweep(): void {
  const now = Date.now();
  for (const [id, job] of jobs)
    if (job.endedAt && now - Date.parse(job.endedAt) > keepMs) jobs.delete(id);
}

/**
 * Takes a place for one more upload of `ownerId`, or refuses: IMPORTS_PER_USER when the
 * user already has their share, IMPORTS_BUSY when the queue is full.
 */
export function reserveImport(ownerId: number, limits: ImportLimits): ImportTicket {
  let mine = 0;
  for (const ticket of tickets) if (ticket.ownerId === ownerId) mine += 1;
  if (mine >= limits.perUser) throw new JianduError('IMPORTS_PER_USER', { count: mine });
  if (tickets.size >= limits.running + limits.waiting) {
    throw new JianduError('IMPORTS_BUSY', { count: tickets.size });
  }
  let held = true;
  const ticket: ImportTicket = {
    ownerId,
    release: () => {
      if (!held) return;
      held = false;
      tickets.delete(ticket);
    },
  };
  tickets.add(ticket);
  return ticket;
}

function startWaiting(): void {
  while (running < runningLimit) {
    const next = waiting.shift();
    if (!next) return;
    next.begin();
  }
}

/** Where a queued job stands in line (1: next), or null when it is not waiting. */
export function queuePosition(job: ImportJob): number | null {
  const index = waiting.findIndex((entry) => entry.job === job);
  return index < 0 ? null : index + 1;
}

/** Starts the import at once when fewer than `limits.running` run, else queues it. */
export function startImportJob(
  ticket: ImportTicket,
  limits: ImportLimits,
  owner: { jurisdictionCode: string },
  dataset: string,
  fileName: string,
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportSummary>,
  describeError: (error: unknown) => { code: string; message: { zh: string; en: string } },
): ImportJob {
  sweep();
  runningLimit = limits.running;
  const job: ImportJob = {
    id: crypto.randomUUID(),
    ownerId: ticket.ownerId,
    jurisdictionCode: owner.jurisdictionCode,
    dataset,
    fileName,
    state: 'queued',
    progress: { rowsRead: 0, accepted: 0, quarantined: 0 },
    startedAt: new Date().toISOString(),
    endedAt: null,
    summary: null,
    error: null,
  };
  jobs.set(job.id, job);
  const begin = (): void => {
    running += 1;
    job.state = 'running';
    Promise.resolve()
      .then(() =>
        run((progress) => {
          job.progress = progress;
        }),
      )
      .then((summary) => {
        job.summary = summary;
        job.progress = {
          rowsRead: summary.rows,
          accepted: summary.accepted,
          quarantined: summary.quarantined,
        };
        job.state = 'done';
      })
      .catch((error: unknown) => {
        job.error = describeError(error);
        job.state = 'failed';
      })
      .finally(() => {
        job.endedAt = new Date().toISOString();
        running -= 1;
        ticket.release();
        startWaiting();
      });
  };
  waiting.push({ job, begin });
  startWaiting();
  return job;
}

export function findImportJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}
