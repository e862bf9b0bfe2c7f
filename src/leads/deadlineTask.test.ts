import { expect, it } from 'vitest';
import { createOffice, leadCounty, leadUser } from '../../test/factories/leads.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { jobRegistry } from '../jobs/jobTask.js';
import { findJob } from '../jobs/jobsRepository.js';
import { runJobNow } from '../jobs/jobWorker.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { actOnLead } from './actOnLead.js';
import { createLead } from './createLead.js';
import { deadlineJobKind, deadlineTask, queueDeadlineCheck } from './deadlineTask.js';
import { listLeadEvents } from './leadsRepository.js';

describeForEachDatabase('the scheduled deadline check', (current) => {
  it('queues one job per day and hour, only when something is due, and supervises once', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, leadCounty);
    const village = '431226100201';
    await createOffice(ctx, { kind: 'civil_affairs', jurisdictionCode: leadCounty });
    const inspector = await leadUser(ctx, 'inspector');

    // Nothing to check: no job, no audit entry.
    expect(await queueDeadlineCheck(ctx, '2025-10-24', 1)).toBe(false);
    expect(await findJob(ctx.handle.db, `${deadlineJobKind}:2025-10-24:01`)).toBeUndefined();

    const lead = await createLead(ctx, inspector, {
      origin: 'manual',
      channel: 'visit',
      jurisdiction_code: village,
      subject: village,
      subject_name: '某村',
      summary: '来访反映危房改造补助发放不公',
    });
    await actOnLead(
      ctx,
      inspector,
      lead.id,
      { action: 'triage', version: lead.version },
      { today: '2025-09-26' },
    );

    // Overdue on 24 October: the first tick of the hour queues the check, a second one (another
    // process, or the server restarted within the hour) does not.
    expect(await queueDeadlineCheck(ctx, '2025-10-24', 1)).toBe(true);
    expect(await queueDeadlineCheck(ctx, '2025-10-24', 1)).toBe(false);
    const id = `${deadlineJobKind}:2025-10-24:01`;
    const outcome = await runJobNow(ctx, jobRegistry([deadlineTask]), id);
    expect(outcome).not.toBeNull();
    expect((await findJob(ctx.handle.db, id))?.state).toBe('done');

    // The next hour finds the lead supervised already: nothing more is queued.
    expect(await queueDeadlineCheck(ctx, '2025-10-24', 2)).toBe(false);
    const events = await listLeadEvents(ctx.handle.db, inspector.scope, lead.id);
    expect(events.filter((e) => e.action === 'supervise')).toHaveLength(1);
  });
});
