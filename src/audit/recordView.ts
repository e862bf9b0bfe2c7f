import type { AppContext } from '../appContext.js';
import type { SessionUser } from '../auth/sessionUser.js';
import { actorOf } from '../auth/sessionUser.js';
import { auditedWrite } from './auditedWrite.js';

/** A view of a person's data, as the access log and the audit trail keep it. */
export interface ViewRecord {
  purpose: string;
  /** The person viewed (a full ID number), or for a list the division it covered. */
  subject: string;
  detail: string;
  /** What the audit trail, which administrators read, names: never a full ID number. */
  auditIds: string[];
  auditAfter?: Record<string, unknown>;
}

/**
 * Every view of a person's data is kept: who looked at whom, when, and why. The access log
 * (never served) holds the ID number, so that "who viewed this person" can be answered; the
 * audit trail, which administrators read in the console, holds it masked.
 */
export async function recordView(
  app: AppContext,
  user: SessionUser,
  view: ViewRecord,
): Promise<void> {
  await auditedWrite(app, actorOf(user), async ({ tx, audit }) => {
    await tx
      .insertInto('access_log')
      .values({
        at: new Date().toISOString(),
        user_id: user.id,
        user_name: user.username,
        purpose: view.purpose,
        subject: view.subject,
        detail: view.detail,
      })
      .execute();
    await audit({
      action: `view.${view.purpose}`,
      entity: 'person',
      ids: view.auditIds,
      jurisdictionCode: user.jurisdictionCode,
      after: view.auditAfter ?? { detail: view.detail },
    });
  });
}
