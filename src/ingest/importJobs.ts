import crypto from 'node:crypto';
import path from 'node:path';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { findJob, insertJob, queuedAhead, unfinishedJobs } from '../jobs/jobsRepository.js';
import type { JobState, JobTable } from '../jobs/jobsTables.js';
import { parseJobError } from '../jobs/jobTask.js';
import type { ImportSummary } from './finaliseBatch.js';
import { importJobKind, parseImportPayload, type ImportPayload } from './importPayload.js';
import type { ImportProgress } from './importTable.js';
import { importTask } from './importTask.js';
import {
  assertRoom,
  placesHeldHere,
  reserveImport,
  whenImportSlotFree,
  type ImportLimits,
  type ImportTicket,
} from './localImports.js';

export { importLimits, reserveImport } from './localImports.js';
export type { ImportLimits, ImportTicket } from './localImports.js';

/**
 * Imports started from the console are jobs (src/jobs): the upload is saved in the data
 * folder, then a worker imports it, in whichever process; the page asks for its progress.
 * The limits (imports at once, uploads waiting, each user's share) are counted from the jobs
 * table, so they hold for every process together; an upload that would not fit is refused
 * before its bytes are received.
 */
export interface ImportJob {
  id: string;
  /** Who started it: only they (and administrators) may read it. */
  ownerId: number | null;
  jurisdictionCode: string | null;
  dataset: string;
  fileName: string;
  state: JobState;
  progress: ImportProgress;
  startedAt: string;
  endedAt: string | null;
  summary: ImportSummary | null;
  error: { code: string; message: { zh: string; en: string } } | null;
}

const noProgress: ImportProgress = { rowsRead: 0, accepted: 0, quarantined: 0 };

const failedImport = {
  zh: '导入失败，请联系管理员',
  en: 'The import failed; contact the administrator',
};

function progressOf(summary: ImportSummary | null, stored: string | null): ImportProgress {
  if (summary) {
    return { rowsRead: summary.rows, accepted: summary.accepted, quarantined: summary.quarantined };
  }
  return stored === null ? noProgress : (JSON.parse(stored) as ImportProgress);
}

export function importJobOf(row: JobTable): ImportJob {
  const payload = parseImportPayload(JSON.parse(row.payload));
  const summary = row.state === 'done' ? (JSON.parse(row.result ?? 'null') as ImportSummary) : null;
  const error = row.state === 'failed' ? parseJobError(row.error) : null;
  return {
    id: row.id,
    ownerId: row.owner_id,
    jurisdictionCode: row.jurisdiction_code,
    dataset: payload.dataset,
    fileName: payload.fileName,
    state: row.state,
    progress: progressOf(summary, row.progress),
    startedAt: row.created_at,
    endedAt: row.finished_at,
    summary,
    // Errors that are not Jiandu's own carry raw text: the clerk is told plainly instead.
    error: error && {
      code: error.code ?? 'INTERNAL',
      message: error.code === null ? failedImport : error.message,
    },
  };
}

/**
 * Takes a place for an upload of `ownerId`, counting this process's places and every
 * unfinished import job: IMPORTS_PER_USER when the user has their share, IMPORTS_BUSY when
 * all places are taken. An upload still arriving in another process is not seen until saved.
 */
export async function reserveUpload(
  ctx: AppContext,
  ownerId: number,
  limits: ImportLimits,
): Promise<ImportTicket> {
  const ticket = reserveImport(ownerId, limits);
  try {
    // By id: a place whose job was just written is counted once.
    const taken = new Map<string, number | null>();
    for (const job of await unfinishedJobs(ctx.handle.db, importJobKind)) {
      taken.set(job.id, job.owner_id);
    }
    for (const place of placesHeldHere()) {
      if (place !== ticket) taken.set(place.id, place.ownerId);
    }
    assertRoom(ownerId, limits, taken);
  } catch (error) {
    ticket.release();
    throw error;
  }
  return ticket;
}

/** Queues the import of a saved upload (the ticket's place passes to the job). */
export async function queueImport(
  ctx: AppContext,
  ticket: ImportTicket,
  actor: Actor,
  input: Omit<ImportPayload, 'actor' | 'upload'> & { uploadPath: string },
): Promise<ImportJob> {
  const { uploadPath, ...rest } = input;
  const payload: ImportPayload = { ...rest, upload: path.basename(uploadPath), actor };
  const row = await auditedWrite(ctx, actor, (scope) =>
    insertJob(scope, {
      id: ticket.id,
      kind: importJobKind,
      payload,
      maxAttempts: importTask.maxAttempts,
      ownerId: ticket.ownerId,
      jurisdictionCode: input.jurisdiction,
      summary: { dataset: input.dataset, fileName: input.fileName },
    }),
  );
  return importJobOf(row);
}

export async function findImportJob(ctx: AppContext, id: string): Promise<ImportJob | undefined> {
  const row = await findJob(ctx.handle.db, id);
  return row?.kind === importJobKind ? importJobOf(row) : undefined;
}

/** Where a queued job stands in line (1: next), or null when it is not waiting. */
export async function queuePosition(ctx: AppContext, job: ImportJob): Promise<number | null> {
  if (job.state !== 'queued') return null;
  const row = await findJob(ctx.handle.db, job.id);
  if (row?.state !== 'queued') return null;
  return (await queuedAhead(ctx.handle.db, row)) + 1;
}

/**
 * Runs an import given as a function in this process, under the same limits as the queued
 * ones: for work that cannot be stored as a job (tests hold a place with it). It is not
 * durable and the API does not show it.
 */
export function startImportJob(
  ticket: ImportTicket,
  limits: ImportLimits,
  owner: { jurisdictionCode: string },
  dataset: string,
  fileName: string,
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportSummary>,
  describeError: (error: unknown) => { code: string; message: { zh: string; en: string } },
): ImportJob {
  const job: ImportJob = {
    id: crypto.randomUUID(),
    ownerId: ticket.ownerId,
    jurisdictionCode: owner.jurisdictionCode,
    dataset,
    fileName,
    state: 'queued',
    progress: noProgress,
    startedAt: new Date().toISOString(),
    endedAt: null,
    summary: null,
    error: null,
  };
  whenImportSlotFree(limits, async () => {
    job.state = 'running';
    try {
      const summary = await run((progress) => {
        job.progress = progress;
      });
      job.summary = summary;
      job.progress = progressOf(summary, null);
      job.state = 'done';
    } catch (error) {
      job.error = describeError(error);
      job.state = 'failed';
    } finally {
      job.endedAt = new Date().toISOString();
      ticket.release();
    }
  });
  return job;
}
