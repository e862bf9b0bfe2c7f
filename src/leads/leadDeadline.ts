import type { Kysely } from 'kysely';
import type { AppContext } from '../appContext.js';
import { systemActor, type Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import type { LeadClass } from '../api/leads.js';
import { readCalendarOverrides } from '../calendar/calendarOverrides.js';
import { addWorkingDays, type CalendarOverrides } from '../calendar/workingDays.js';
import type { Database } from '../db/schema.js';
import { readSetting } from '../settings/settingsRepository.js';
import { appendEventsForStamp } from './leadsRepository.js';

/** Setting (deployment-wide): working days per class, e.g. { "clue_transfer": 20 }. */
export const deadlineSetting = 'leads.deadline_days';

export const defaultDeadlineDays: Readonly<Record<LeadClass, number>> = {
  data_correction: 10,
  rectification: 15,
  clue_transfer: 30,
};

/** Working days a lead gets before it is due warned. */
export const dueSoonWorkingDays = 2;

export async function readDeadlineDays(db: Kysely<Database>): Promise<Record<LeadClass, number>> {
  const saved = (await readSetting<Partial<Record<LeadClass, number>>>(db, deadlineSetting)) ?? {};
  const days = { ...defaultDeadlineDays };
  for (const key of Object.keys(days) as LeadClass[]) {
    const value = saved[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) days[key] = value;
  }
  return days;
}

/** The deadline of a lead of `leadClass` assigned on `assignedOn` (that day does not count). */
export function leadDeadline(
  assignedOn: string,
  leadClass: LeadClass,
  days: Readonly<Record<LeadClass, number>>,
  overrides: CalendarOverrides,
): string {
  return addWorkingDays(assignedOn, days[leadClass], overrides);
}

/** The deadline from the settings and the county's calendar. */
export async function deadlineFor(
  db: Kysely<Database>,
  assignedOn: string,
  leadClass: LeadClass,
): Promise<string> {
  const [days, overrides] = await Promise.all([readDeadlineDays(db), readCalendarOverrides(db)]);
  return leadDeadline(assignedOn, leadClass, days, overrides);
}

export interface DeadlineCheck {
  dueWarned: number;
  supervised: number;
}

const openStates = ['assigned', 'verifying'] as const;

/**
 * Whether a deadline check on `today` has anything to mark: the schedule queues a check only
 * then, so a county without due or late leads gets no job and no audit entry.
 */
export async function deadlinesPending(db: Kysely<Database>, today: string): Promise<boolean> {
  const soon = addWorkingDays(today, dueSoonWorkingDays, await readCalendarOverrides(db));
  const pending = await db
    .selectFrom('leads')
    .select((eb) => [
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.and([eb('due_warned_at', 'is', null), eb('deadline', '>=', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('due'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.and([eb('supervised_at', 'is', null), eb('deadline', '<', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('late'),
    ])
    .where('state', 'in', [...openStates])
    .where('deadline', 'is not', null)
    .where('deadline', '<=', soon)
    .executeTakeFirst();
  // PostgreSQL sends a sum as text: '0' must count as nothing.
  return Number(pending?.due ?? 0) > 0 || Number(pending?.late ?? 0) > 0;
}

/**
 * Marks open leads due within two working days (once: due_warned_at) and supervises overdue
 * ones (督办, once: supervised_at), each with a timeline event, in a few set-based statements.
 * Running it again the same day finds nothing new; a run with nothing to do writes nothing.
 */
export async function checkDeadlines(
  ctx: AppContext,
  today: string,
  actor: Actor = systemActor,
): Promise<DeadlineCheck> {
  const db = ctx.handle.db;
  const soon = addWorkingDays(today, dueSoonWorkingDays, await readCalendarOverrides(db));
  if (!(await deadlinesPending(db, today))) return { dueWarned: 0, supervised: 0 };

  return auditedWrite(ctx, actor, async ({ tx, audit }) => {
    // A stamp unique to this run lets the events find exactly the rows this run marked.
    const stamp = new Date().toISOString();
    const due = await tx
      .updateTable('leads')
      .set({ due_warned_at: stamp })
      .where('state', 'in', [...openStates])
      .where('due_warned_at', 'is', null)
      .where('deadline', '>=', today)
      .where('deadline', '<=', soon)
      .executeTakeFirst();
    const late = await tx
      .updateTable('leads')
      .set({ supervised_at: stamp })
      .where('state', 'in', [...openStates])
      .where('supervised_at', 'is', null)
      .where('deadline', '<', today)
      .executeTakeFirst();
    const dueWarned = Number(due.numUpdatedRows);
    const supervised = Number(late.numUpdatedRows);
    if (dueWarned > 0)
      await appendEventsForStamp(tx, 'due_warned_at', stamp, actor, 'due_warning', { today });
    if (supervised > 0)
      await appendEventsForStamp(tx, 'supervised_at', stamp, actor, 'supervise', {
        today,
        overdue: true,
      });
    await audit({
      action: 'lead.deadlines',
      entity: 'lead',
      ids: [today],
      after: { dueWarned, supervised },
    });
    return { dueWarned, supervised };
  });
}
