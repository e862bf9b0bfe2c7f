import type { AppContext } from '../appContext.js';
import { isJianduError } from '../core/errors.js';
import { redactText } from '../core/redact.js';
import type { JobTable } from './jobsTables.js';

/** A job as its task sees it: the stored row with its payload read and checked. */
export interface Job<P> {
  id: string;
  kind: string;
  payload: P;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
  ownerId: number | null;
  jurisdictionCode: string | null;
  createdAt: string;
}

export interface JobContext {
  app: AppContext;
  /** Aborted when the worker lost the job's lease (another worker may be running it). */
  signal: AbortSignal;
  /** Records how far the work got (kept at most about once a second). */
  progress(value: unknown): void;
}

/** How a failure is kept: a catalogued code with both languages, or the raw text (code null). */
export interface JobError {
  code: string | null;
  message: { zh: string; en: string };
}

/**
 * A kind of work. `perform` does it and returns what to keep as the job's result; when it
 * throws, the job is tried again later (with a growing pause) while `retryable` says so and
 * attempts are left, else `onFailed` tidies up (once) and the job is failed.
 */
export interface JobTask<P> {
  kind: string;
  /** Reads a stored payload; throws when it is not one of this task's. */
  parse(payload: unknown): P;
  perform(job: Job<P>, context: JobContext): Promise<unknown>;
  onFailed(job: Job<P>, error: unknown, context: JobContext): Promise<void>;
  maxAttempts: number;
  /** Whether an error is worth another attempt (default: every error is). */
  retryable?(error: unknown): boolean;
  /** Jobs of this kind running at once, in every process together (default: no limit). */
  limit?(app: AppContext): number;
}

/** Thrown by `perform` when the work cannot start yet: tried again later, no attempt spent. */
export class RetryLater extends Error {
  constructor(
    readonly afterMs: number,
    readonly reason: unknown,
  ) {
    super('retry later', { cause: reason });
    this.name = 'RetryLater';
  }
}

/** A task with its payload type erased, as the registry keeps it. */
export interface RegisteredTask {
  kind: string;
  maxAttempts: number;
  retryable(error: unknown): boolean;
  limit: ((app: AppContext) => number) | null;
  perform(row: JobTable, context: JobContext): Promise<unknown>;
  onFailed(row: JobTable, error: unknown, context: JobContext): Promise<void>;
}

export type JobRegistry = ReadonlyMap<string, RegisteredTask>;

function jobOf<P>(task: JobTask<P>, row: JobTable): Job<P> {
  return {
    id: row.id,
    kind: row.kind,
    payload: task.parse(JSON.parse(row.payload)),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    ownerId: row.owner_id,
    jurisdictionCode: row.jurisdiction_code,
    createdAt: row.created_at,
  };
}

export function defineTask<P>(task: JobTask<P>): RegisteredTask {
  return {
    kind: task.kind,
    maxAttempts: task.maxAttempts,
    retryable: (error) => task.retryable?.(error) ?? true,
    limit: task.limit ? (app) => task.limit!(app) : null,
    perform: (row, context) => task.perform(jobOf(task, row), context),
    onFailed: (row, error, context) => task.onFailed(jobOf(task, row), error, context),
  };
}

export function jobRegistry(tasks: readonly RegisteredTask[]): JobRegistry {
  return new Map(tasks.map((task) => [task.kind, task]));
}

/** What is kept of an error: a Jiandu error in both languages, anything else masked. */
export function describeJobError(error: unknown): JobError {
  const cause = error instanceof RetryLater ? error.reason : error;
  if (isJianduError(cause)) {
    return { code: cause.code, message: { zh: cause.text('zh'), en: cause.text('en') } };
  }
  const text = redactText(cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
  return { code: null, message: { zh: text, en: text } };
}

export function parseJobError(text: string | null): JobError | null {
  return text === null ? null : (JSON.parse(text) as JobError);
}
