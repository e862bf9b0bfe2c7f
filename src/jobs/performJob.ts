import type { AppContext } from '../appContext.js';
import { JianduError } from '../core/errors.js';
import { endAttempt, renewLease, saveProgress } from './jobsRepository.js';
import type { JobTable } from './jobsTables.js';
import {
  describeJobError,
  RetryLater,
  type JobContext,
  type JobRegistry,
  type RegisteredTask,
} from './jobTask.js';

export interface AttemptOptions {
  /** `host:pid:instance` of the worker. */
  owner: string;
  leaseMs: number;
  /** Renew the lease while the work runs (off inline: no timers). */
  renew: boolean;
  /** Hears every progress report as it comes (a command's progress line). */
  onProgress?: (progress: unknown) => void;
  /** Where unexpected troubles go (a failed renewal, an onFailed that threw). */
  log: (message: string, detail: Record<string, unknown>) => void;
}

/** The pause before attempt n + 1: 15 s, 30 s, 1 min… at most 15 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

/** How often progress reaches the database, at most. */
const progressEveryMs = 1000;

export interface AttemptOutcome {
  /** Lost: another worker took the job meanwhile (this one's lease ran out). */
  end: 'done' | 'failed' | 'retry' | 'lost';
  /** What the attempt threw, if it did. */
  error: unknown;
  /** What the task returned, if it did. */
  result?: unknown;
}

async function fail(
  task: RegisteredTask,
  row: JobTable,
  error: unknown,
  context: JobContext,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  // Tidied up before the job reads as failed, so that whoever watches it finds it settled.
  try {
    await task.onFailed(row, error, context);
  } catch (cleanup) {
    options.log('job onFailed failed', { job: row.id, kind: row.kind, error: String(cleanup) });
  }
  const ended = await endAttempt(context.app.handle.db, row.id, options.owner, {
    state: 'failed',
    error: describeJobError(error),
  });
  return { end: ended ? 'failed' : 'lost', error };
}

/**
 * Runs one attempt of a job the worker has claimed, and records how it ended: done, failed,
 * or queued again for a later attempt. A job already tried as often as allowed (its earlier
 * processes died holding it) is failed without running.
 */
export async function performJob(
  app: AppContext,
  registry: JobRegistry,
  row: JobTable,
  options: AttemptOptions,
): Promise<AttemptOutcome> {
  const { db } = app.handle;
  const controller = new AbortController();
  let latest: { value: unknown } | null = null;
  let lastWrite = 0;
  let writes: Promise<void> = Promise.resolve();
  const flush = (): void => {
    if (!latest) return;
    const value = latest.value;
    latest = null;
    lastWrite = Date.now();
    writes = writes
      .then(() => saveProgress(db, row.id, options.owner, value))
      .catch((error: unknown) =>
        options.log('job progress not saved', { job: row.id, error: String(error) }),
      );
  };
  const context: JobContext = {
    app,
    signal: controller.signal,
    progress: (value) => {
      options.onProgress?.(value);
      latest = { value };
      if (Date.now() - lastWrite >= progressEveryMs) flush();
    },
  };
  const task = registry.get(row.kind);
  if (!task) {
    // Claims take registered kinds only: this is a worker whose registry changed meanwhile.
    const error = new JianduError('INTERNAL', { ref: `job-kind-${row.kind}` });
    const ended = await endAttempt(db, row.id, options.owner, {
      state: 'failed',
      error: describeJobError(error),
    });
    return { end: ended ? 'failed' : 'lost', error };
  }
  if (row.attempts > row.max_attempts) {
    return fail(task, row, new JianduError('INTERNAL', { ref: 'job-abandoned' }), context, options);
  }
  const renewal = options.renew
    ? setInterval(
        () =>
          void renewLease(db, row.id, options.owner, options.leaseMs).then(
            (held) => {
              if (!held) controller.abort();
            },
            (error: unknown) =>
              options.log('job lease not renewed', { job: row.id, error: String(error) }),
          ),
        Math.max(10, Math.floor(options.leaseMs / 3)),
      )
    : null;
  renewal?.unref();
  let attempt: { ok: true; result: unknown } | { ok: false; error: unknown };
  try {
    attempt = { ok: true, result: await task.perform(row, context) };
  } catch (error) {
    attempt = { ok: false, error };
  } finally {
    if (renewal) clearInterval(renewal);
    flush();
    await writes;
  }
  if (attempt.ok) {
    const ended = await endAttempt(db, row.id, options.owner, {
      state: 'done',
      result: attempt.result,
    });
    return { end: ended ? 'done' : 'lost', error: null, result: attempt.result };
  }
  const { error } = attempt;
  if (error instanceof RetryLater || (task.retryable(error) && row.attempts < row.max_attempts)) {
    const ended = await endAttempt(db, row.id, options.owner, {
      state: 'queued',
      error: describeJobError(error),
      afterMs: error instanceof RetryLater ? error.afterMs : backoffMs(row.attempts),
      refund: error instanceof RetryLater,
    });
    return { end: ended ? 'retry' : 'lost', error };
  }
  return fail(task, row, error, context, options);
}
