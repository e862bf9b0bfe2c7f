import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import {
  findQueuedJob,
  insertJob,
  jobsBySerialKey,
  replaceQueuedPayload,
} from '../jobs/jobsRepository.js';
import type { JobTable } from '../jobs/jobsTables.js';
import { parseJobError } from '../jobs/jobTask.js';
import type { ScanKind } from './rulesTables.js';
import { parseScanPayload, scanJobKind, scanSerialKey, scanTask } from './scanTask.js';

/**
 * Scans in the background, as jobs: one at a time per jurisdiction (their jobs share a serial
 * key). A request while one waits joins it (a full request outranks an incremental one), so
 * a burst of approvals costs one more scan, not one each. Whichever process runs a worker
 * runs it; the caller wakes its own.
 */
export async function requestScan(
  ctx: AppContext,
  jurisdiction: string,
  kind: ScanKind,
  actor: Actor,
): Promise<JobTable> {
  const serialKey = scanSerialKey(jurisdiction);
  return auditedWrite(ctx, actor, async (scope) => {
    const waiting = await findQueuedJob(scope.tx, scanJobKind, serialKey);
    if (waiting) {
      const payload = parseScanPayload(JSON.parse(waiting.payload));
      const joined = {
        jurisdiction,
        kind:
          payload.kind === 'full' || kind === 'full' ? ('full' as const) : ('incremental' as const),
        actor,
      };
      // Taken by a worker meanwhile: this request gets a job of its own.
      if (await replaceQueuedPayload(scope.tx, waiting.id, joined)) {
        await scope.audit({
          action: 'job.join',
          entity: 'job',
          ids: [waiting.id],
          jurisdictionCode: jurisdiction,
          after: { kind: scanJobKind, scan: joined.kind },
        });
        return { ...waiting, payload: JSON.stringify(joined) };
      }
    }
    return insertJob(scope, {
      kind: scanJobKind,
      payload: { jurisdiction, kind, actor },
      maxAttempts: scanTask.maxAttempts,
      serialKey,
      ownerId: actor.id,
      jurisdictionCode: jurisdiction,
      summary: { scan: kind },
    });
  });
}

export interface ScanState {
  running: boolean;
  queued: boolean;
  lastError: string | null;
}

/**
 * Whether a scan of these jurisdictions runs or waits, and the error of the first (in the
 * order given) whose last scan failed. A scan whose worker died waits to be taken up again.
 */
export async function scanState(
  ctx: AppContext,
  jurisdictions: readonly string[],
): Promise<ScanState> {
  const keys = jurisdictions.map(scanSerialKey);
  const rows = await jobsBySerialKey(ctx.handle.db, scanJobKind, keys);
  const now = new Date().toISOString();
  const live = (r: JobTable): boolean => r.state === 'running' && (r.lease_expires_at ?? '') >= now;
  let lastError: string | null = null;
  for (const key of keys) {
    const last = rows.find((r) => r.serial_key === key && r.finished_at !== null);
    if (last?.state === 'failed') {
      lastError = parseJobError(last.error)?.message.zh ?? null;
      break;
    }
  }
  return {
    running: rows.some(live),
    queued: rows.some((r) => r.state === 'queued' || (r.state === 'running' && !live(r))),
    lastError,
  };
}
