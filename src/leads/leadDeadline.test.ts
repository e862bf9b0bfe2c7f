import { expect, it } from 'vitest';
import { createOffice, leadCounty, leadUser } from '../../test/factories/leads.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { systemActor } from '../audit/actor.js';
import { actOnLead } from './actOnLead.js';
import { createLead } from './createLead.js';
import { checkDeadlines, defaultDeadlineDays, leadDeadline } from './leadDeadline.js';
import { listLeadEvents } from './leadsRepository.js';
import { listLeadQueue } from './leadQueues.js';

it('counts working days across the 2025 National Day holiday and its make-up days', () => {
  const none = new Map<string, boolean>();
  // From Friday 26 September: Sunday 28 September works, 1–8 October are off, Saturday 11 works.
  expect(leadDeadline('2025-09-26', 'data_correction', defaultDeadlineDays, none)).toBe(
    '2025-10-16',
  );
  expect(leadDeadline('2025-09-26', 'rectification', defaultDeadlineDays, none)).toBe('2025-10-23');
  expect(
    leadDeadline(
      '2025-09-30',
      'data_correction',
      { ...defaultDeadlineDays, data_correction: 2 },
      none,
    ),
  ).toBe('2025-10-10');
  // A county's own holiday moves the deadline on.
  expect(
    leadDeadline(
      '2025-09-26',
      'data_correction',
      defaultDeadlineDays,
      new Map([['2025-10-16', false]]),
    ),
  ).toBe('2025-10-17');
});

describeForEachDatabase('lead deadlines', (current) => {
  it('warns once before the deadline and supervises once after it', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, leadCounty);
    const village = '431226100201';
    await createOffice(ctx, { kind: 'civil_affairs', jurisdictionCode: leadCounty });
    const inspector = await leadUser(ctx, 'inspector');
    const lead = await createLead(ctx, inspector, {
      origin: 'manual',
      channel: 'phone',
      jurisdiction_code: village,
      subject: village,
      subject_name: '某村',
      summary: '来电反映低保发放不公',
    });
    const triaged = await actOnLead(
      ctx,
      inspector,
      lead.id,
      { action: 'triage', version: lead.version },
      { today: '2025-09-26' },
    );
    expect(triaged.lead.class).toBe('rectification');
    expect(triaged.lead.deadline).toBe('2025-10-23');

    expect(await checkDeadlines(ctx, '2025-10-20')).toEqual({ dueWarned: 0, supervised: 0 });
    expect(await checkDeadlines(ctx, '2025-10-21')).toEqual({ dueWarned: 1, supervised: 0 });
    expect(await checkDeadlines(ctx, '2025-10-21')).toEqual({ dueWarned: 0, supervised: 0 });
    expect(await checkDeadlines(ctx, '2025-10-23')).toEqual({ dueWarned: 0, supervised: 0 });
    expect(await checkDeadlines(ctx, '2025-10-24')).toEqual({ dueWarned: 0, supervised: 1 });
    expect(await checkDeadlines(ctx, '2025-10-24')).toEqual({ dueWarned: 0, supervised: 0 });
    expect(await checkDeadlines(ctx, '2025-10-27')).toEqual({ dueWarned: 0, supervised: 0 });

    const events = await listLeadEvents(ctx.handle.db, inspector.scope, lead.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'triage', 'due_warning', 'supervise']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const overdue = await listLeadQueue(ctx.handle.db, inspector.scope, {
      queue: 'overdue',
      today: '2025-10-24',
    });
    expect(overdue.total).toBe(1);
    expect(overdue.leads[0]!.supervised_at).not.toBeNull();
  });
});
