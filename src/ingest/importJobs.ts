import crypto from 'node:crypto';
import type { ImportSummary } from './finaliseBatch.js';
import type { ImportProgress } from './importTable.js';

/**
 * Imports started from the console run in the background of the server; the page asks for
 * their progress. Jobs live in the server's memory for an hour after they end (the batch
 * itself is in the database for good).
 */
export interface ImportJob {
  id: string;
  /** Who started it: only they (and administrators) may read it. */
  ownerId: number;
  jurisdictionCode: string;
  dataset: string;
  fileName: string;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  startedAt: string;
  endedAt: string | null;
  summary: ImportSummary | null;
  error: { code: string; message: { zh: string; en: string } } | null;
}

const jobs = new Map<string, ImportJob>();
const keepMs = 3600_000;

function sweep(): void {
  const now = Date.now();
  for (const [id, job] of jobs)
    if (job.endedAt && now - Date.parse(job.endedAt) > keepMs) jobs.delete(id);
}

export function startImportJob(
  owner: { id: number; jurisdictionCode: string },
  dataset: string,
  fileName: string,
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportSummary>,
  describeError: (error: unknown) => { code: string; message: { zh: string; en: string } },
): ImportJob {
  sweep();
  const job: ImportJob = {
    id: crypto.randomUUID(),
    ownerId: owner.id,
    jurisdictionCode: owner.jurisdictionCode,
    dataset,
    fileName,
    state: 'running',
    progress: { rowsRead: 0, accepted: 0, quarantined: 0 },
    startedAt: new Date().toISOString(),
    endedAt: null,
    summary: null,
    error: null,
  };
  jobs.set(job.id, job);
  run((progress) => {
    job.progress = progress;
  })
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
    });
  return job;
}

export function findImportJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}
