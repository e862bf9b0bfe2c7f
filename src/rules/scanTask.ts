import { Type, type Static } from '@sinclair/typebox';
import { isJianduError } from '../core/errors.js';
import { payloadOf } from '../jobs/payloadOf.js';
import { defineTask, RetryLater } from '../jobs/jobTask.js';
import { runScan, type ScanProgress } from './runScan.js';

export const scanJobKind = 'scan';

export const scanPayload = Type.Object({
  jurisdiction: Type.String(),
  kind: Type.Union([Type.Literal('full'), Type.Literal('incremental')]),
  actor: Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), name: Type.String() }),
});

export function parseScanPayload(payload: unknown): Static<typeof scanPayload> {
  return payloadOf(scanPayload, scanJobKind, payload);
}

/** Scans of one jurisdiction run one at a time: their jobs share this key. */
export function scanSerialKey(jurisdiction: string): string {
  return `scan:${jurisdiction}`;
}

/** A scan another process runs outside the jobs (`jiandu scan`) holds the scans table's lock. */
const busyRetryMs = 30_000;

/** A scan in the background: after a review, or asked for from the console. */
export const scanTask = defineTask({
  kind: scanJobKind,
  maxAttempts: 3,
  parse: parseScanPayload,
  perform: async (job, context) => {
    try {
      return await runScan(context.app, {
        jurisdiction: job.payload.jurisdiction,
        kind: job.payload.kind,
        actor: job.payload.actor,
        onProgress: (progress: ScanProgress) => context.progress(progress),
      });
    } catch (error) {
      if (isJianduError(error) && error.code === 'SCAN_RUNNING') {
        throw new RetryLater(busyRetryMs, error);
      }
      throw error;
    }
  },
  // A failed scan leaves nothing to tidy: runScan marks its own row failed.
  onFailed: () => Promise.resolve(),
});
