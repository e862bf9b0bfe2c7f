import crypto from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../appContext.js';
import { claimJob, hasDueJob, pruneFinishedJobs } from './jobsRepository.js';
import type { JobTable } from './jobsTables.js';
import type { JobRegistry } from './jobTask.js';
import { performJob, type AttemptOptions, type AttemptOutcome } from './performJob.js';

/** What routes need of the jobs runner: a nudge after they queue work. */
export interface JobRunner {
  /** Takes what is due now; resolves with the ids it took (inline: once they are done). */
  wake(): Promise<string[]>;
}

export interface WorkerOptions {
  /** How long a claim holds without renewal (renewed every third of it). */
  leaseMs?: number;
  /** How often the worker looks for due jobs queued by other processes. */
  pollMs?: number;
  /** Jobs this process runs at once. */
  concurrency?: number;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

const defaultLeaseMs = 60_000;
/** Finished jobs are kept this long for whoever follows them, then forgotten. */
const keepFinishedMs = 30 * 86_400_000;
const pruneEveryMs = 3600_000;

/** A name for this process's claims, distinct from an earlier process that had its pid. */
export function workerName(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
}

function limitsOf(app: AppContext, registry: JobRegistry): Map<string, number> {
  const limits = new Map<string, number>();
  for (const task of registry.values()) if (task.limit) limits.set(task.kind, task.limit(app));
  return limits;
}

function quiet(): void {
  // Without a log the worker's troubles stay silent; each job records its own error.
}

/**
 * The server's background worker: takes due jobs (its own, those other processes queued,
 * those whose process died) up to `concurrency` at once, renews their leases while they run,
 * and looks again when one ends, when woken, and every `pollMs`.
 */
export class JobWorker implements JobRunner {
  readonly owner = workerName();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly log: (message: string, detail: Record<string, unknown>) => void;
  private readonly running = new Map<string, Promise<AttemptOutcome | null>>();
  private claiming: Promise<string[]> = Promise.resolve([]);
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;
  private prunedAt = 0;

  constructor(
    private readonly app: AppContext,
    private readonly registry: JobRegistry,
    options: WorkerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? defaultLeaseMs;
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = options.concurrency ?? 4;
    this.log = options.log ?? quiet;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops taking jobs and waits for those running to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.claiming;
    await Promise.all(this.running.values());
  }

  /** Waits until no job of this worker runs (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /** Never fails: a claim that could not be made is logged and tried again at the next poll. */
  wake(): Promise<string[]> {
    this.claiming = this.claiming
      .then(() => this.claimRound())
      .catch((error: unknown) => {
        this.log('job claim failed', { error: String(error) });
        return [];
      });
    return this.claiming;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.wake().finally(() => this.schedule(this.pollMs));
    }, ms);
    this.timer.unref();
  }

  private async claimRound(): Promise<string[]> {
    const claimed: string[] = [];
    if (this.stopped) return claimed;
    const kinds = [...this.registry.keys()];
    if (Date.now() - this.prunedAt > pruneEveryMs) {
      this.prunedAt = Date.now();
      await pruneFinishedJobs(
        this.app.handle.db,
        new Date(Date.now() - keepFinishedMs).toISOString(),
      );
    }
    if (this.running.size >= this.concurrency || !(await hasDueJob(this.app.handle.db, kinds))) {
      return claimed;
    }
    while (!this.stopped && this.running.size < this.concurrency) {
      const row = await claimJob(this.app.handle, {
        owner: this.owner,
        leaseMs: this.leaseMs,
        kinds,
        limits: limitsOf(this.app, this.registry),
      });
      if (!row) break;
      claimed.push(row.id);
      this.launch(row);
    }
    return claimed;
  }

  private launch(row: JobTable): void {
    const attempt = performJob(this.app, this.registry, row, {
      owner: this.owner,
      leaseMs: this.leaseMs,
      renew: true,
      log: this.log,
    })
      .catch((error: unknown) => {
        // The end was not recorded: the lease runs out and another attempt follows.
        this.log('job attempt not recorded', { job: row.id, error: String(error) });
        return null;
      })
      .finally(() => {
        this.running.delete(row.id);
        // A place is free, and what ended may let another job run (a serial key, a limit).
        if (this.started) this.schedule(0);
      });
    this.running.set(row.id, attempt);
  }
}

/**
 * Runs due jobs one after another in the caller's own flow, without timers (no lease renewal,
 * no polling): for tests, and for a process that wants what it queued done before it goes on.
 */
export class InlineJobRunner implements JobRunner {
  readonly owner = workerName();

  constructor(
    private readonly app: AppContext,
    private readonly registry: JobRegistry,
    private readonly options: { leaseMs?: number } = {},
  ) {}

  async wake(): Promise<string[]> {
    const done: string[] = [];
    const kinds = [...this.registry.keys()];
    for (;;) {
      const row = await claimJob(this.app.handle, {
        owner: this.owner,
        leaseMs: this.options.leaseMs ?? defaultLeaseMs,
        kinds,
        limits: limitsOf(this.app, this.registry),
      });
      if (!row) return done;
      await performJob(this.app, this.registry, row, {
        owner: this.owner,
        leaseMs: this.options.leaseMs ?? defaultLeaseMs,
        renew: false,
        log: quiet,
      });
      done.push(row.id);
    }
  }
}

/**
 * Runs one job now, in this process, if it can be taken (queued, and nothing holds its serial
 * key): a command doing at once what it queued. Null when it could not be taken: it stays
 * queued for a server's worker (or the next command).
 */
export async function runJobNow(
  app: AppContext,
  registry: JobRegistry,
  id: string,
  options: Pick<AttemptOptions, 'onProgress'> & { leaseMs?: number } = {},
): Promise<AttemptOutcome | null> {
  const owner = workerName();
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const row = await claimJob(app.handle, {
    owner,
    leaseMs,
    kinds: [...registry.keys()],
    limits: limitsOf(app, registry),
    id,
  });
  if (!row) return null;
  return performJob(app, registry, row, {
    owner,
    leaseMs,
    renew: true,
    log: quiet,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
