import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../appContext.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { defineTask } from '../jobs/jobTask.js';
import { findJob, insertJobOnce } from '../jobs/jobsRepository.js';
import { payloadOf } from '../jobs/payloadOf.js';
import { checkDeadlines, deadlinesPending } from './leadDeadline.js';

export const deadlineJobKind = 'leads.deadlines';

const deadlinePayload = Type.Object({
  /** The day the deadlines are judged on (YYYY-MM-DD). */
  today: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
});

function parseDeadlinePayload(payload: unknown): Static<typeof deadlinePayload> {
  return payloadOf(deadlinePayload, deadlineJobKind, payload);
}

/** Due warnings and 督办 for one day: a job, so that a process that dies mid-check is relieved. */
export const deadlineTask = defineTask({
  kind: deadlineJobKind,
  maxAttempts: 5,
  parse: parseDeadlinePayload,
  perform: (job, context) => checkDeadlines(context.app, job.payload.today),
  // checkDeadlines writes in one transaction: a failed attempt leaves nothing behind.
  onFailed: () => Promise.resolve(),
});

/** Thrown inside the write when another process queued the same check first: nothing to keep. */
class AlreadyQueued extends Error {}

/**
 * Queues the deadline check of `today` and `slot` (an hour) unless it is queued already or
 * there is nothing to mark. The job's id is made of both, so processes that tick at the same
 * time, or a restart within the hour, queue it once; the check itself marks each lead once.
 */
export async function queueDeadlineCheck(
  app: AppContext,
  today: string,
  slot: number,
): Promise<boolean> {
  const db = app.handle.db;
  const id = `${deadlineJobKind}:${today}:${String(slot).padStart(2, '0')}`;
  if ((await findJob(db, id)) || !(await deadlinesPending(db, today))) return false;
  try {
    await auditedWrite(app, systemActor, async (scope) => {
      const row = await insertJobOnce(scope, {
        id,
        kind: deadlineJobKind,
        payload: { today },
        maxAttempts: deadlineTask.maxAttempts,
        summary: { today },
      });
      if (!row) throw new AlreadyQueued();
      return row;
    });
    return true;
  } catch (error) {
    if (error instanceof AlreadyQueued) return false;
    throw error;
  }
}
