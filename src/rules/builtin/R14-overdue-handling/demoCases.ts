import { officialCalendar } from '../../../calendar/officialCalendar.js';
import {
  addWorkingDays,
  isWorkingDay,
  workingDayFrom,
  workingDaysBetween,
} from '../../../calendar/workingDays.js';
import { addDays } from '../../../demo/calendar.js';
import type { CaseKit } from '../../../demo/caseKit.js';
import type { Special } from '../../../demo/countyPlan.js';
import { type RuleDemoCases, isoDate } from '../../../demo/ruleCases.js';
import type { Official, Village } from '../../../demo/world.js';

/** The officials who handle the overdue (and near-miss) applications, all different people. */
function approvalHandlers(kit: CaseKit): () => Official | null {
  const pool: Official[] = [];
  const villages = kit.plan.villages;
  for (let round = 0; round < 3; round += 1)
    for (const v of villages) pool.push(v.cadres[(round + 2) % 3]!);
  let next = 0;
  return () => pool[next++] ?? null;
}

function cases(kit: CaseKit, count: number, nearCount: number): void {
  const y = kit.year;
  const today = kit.plan.today;
  const nextHandler = approvalHandlers(kit);
  const organisations = new Set<string>();
  const item = '农村建房村级审查';
  const applicant = (v: Village): Special => kit.single(v, 38);
  const variants: ((v: Village, handler: Official) => boolean)[] = [
    (v, h) => {
      const received = workingDayFrom(isoDate(y, 3, 4));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: h.person.id,
        received,
        decided: addWorkingDays(received, 25),
        limit: 10,
      });
      kit.expect('R14', h.person.id, null, 'decided after 25 working days (limit 10)');
      return true;
    },
    (v, h) => {
      const received = workingDayFrom(isoDate(y, 10, 8));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: h.person.id,
        received,
        decided: '',
        limit: 10,
      });
      kit.expect(
        'R14',
        h.person.id,
        null,
        `open since ${received}, ${workingDaysBetween(received, today)} working days to today (limit 10)`,
      );
      return true;
    },
    (v) => {
      const organisation = `${v.township.name}${v.committee}`;
      if (organisations.has(organisation)) return false;
      organisations.add(organisation);
      const received = workingDayFrom(isoDate(y, 5, 6));
      kit.approval(applicant(v), {
        item: '村级证明开具',
        organisation,
        handlerId: '',
        received,
        decided: addWorkingDays(received, 20),
        limit: 5,
      });
      kit.expect(
        'R14',
        organisation,
        null,
        'no handler recorded: 20 working days for a 5-day certificate',
      );
      return true;
    },
    (v, h) => {
      const received = workingDayFrom(isoDate(y, 8, 1));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: h.person.id,
        received,
        decided: addWorkingDays(received, 11),
        limit: 10,
      });
      kit.expect('R14', h.person.id, null, 'decided one working day late (11 of 10)');
      return true;
    },
  ];
  let done = 0;
  for (let i = 0; done < Math.max(count, variants.length) && i < count * 4 + 8; i += 1) {
    const handler = nextHandler();
    if (!handler) break;
    const v = handler.household.village;
    if (variants[i % variants.length]!(v, handler)) done += 1;
  }
  for (let i = 0; i < nearCount; i += 1) {
    const exact = nextHandler();
    if (exact) {
      const v = exact.household.village;
      const received = workingDayFrom(isoDate(y, 7, 8));
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: exact.person.id,
        received,
        decided: addWorkingDays(received, 10),
        limit: 10,
      });
      kit.near('R14', exact.person.id, null, 'decided on the 10th working day of a 10-day limit');
    }
    const open = nextHandler();
    if (open) {
      const v = open.household.village;
      let received = today;
      for (let left = 10; left > 0; received = addDays(received, -1))
        if (isWorkingDay(received)) left -= 1;
      while (!isWorkingDay(received)) received = addDays(received, -1);
      kit.approval(applicant(v), {
        item,
        organisation: v.committee,
        handlerId: open.person.id,
        received,
        decided: '',
        limit: 10,
      });
      kit.near(
        'R14',
        open.person.id,
        null,
        `open since ${received}: ${workingDaysBetween(received, today)} working days to today, limit 10`,
      );
    }
  }
  nationalDayCases(kit, nextHandler, applicant);
}

/**
 * Two applications around the year's National Day holiday that Monday to Friday would judge
 * the other way: one decided within its limit across the holiday, one late only because the
 * make-up Saturday or Sunday after the holiday counts. Years without official data get neither.
 */
function nationalDayCases(
  kit: CaseKit,
  nextHandler: () => Official | null,
  applicant: (v: Village) => Special,
): void {
  const y = kit.year;
  if (y < officialCalendar.firstYear || y > officialCalendar.lastYear) return;
  const item = '农村建房村级审查';
  const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const within = nextHandler();
  if (within) {
    const v = within.household.village;
    let received = addDays(isoDate(y, 10, 1), -1);
    while (!isWorkingDay(received)) received = addDays(received, -1);
    const decided = addWorkingDays(received, 3);
    kit.approval(applicant(v), {
      item,
      organisation: v.committee,
      handlerId: within.person.id,
      received,
      decided,
      limit: 3,
    });
    kit.near(
      'R14',
      within.person.id,
      null,
      `received ${received}, decided ${decided}: 3 working days across the National Day holiday (limit 3)`,
    );
  }
  let makeUp = isoDate(y, 10, 1);
  while (makeUp <= isoDate(y, 10, 31) && !(weekend(makeUp) && isWorkingDay(makeUp)))
    makeUp = addDays(makeUp, 1);
  const late = makeUp <= isoDate(y, 10, 31) ? nextHandler() : null;
  if (late) {
    const v = late.household.village;
    let received = addDays(makeUp, -1);
    while (!isWorkingDay(received)) received = addDays(received, -1);
    const decided = addWorkingDays(received, 3);
    kit.approval(applicant(v), {
      item,
      organisation: v.committee,
      handlerId: late.person.id,
      received,
      decided,
      limit: 2,
    });
    kit.expect(
      'R14',
      late.person.id,
      null,
      `received ${received}, decided ${decided}: 3 working days with the make-up day ${makeUp} (limit 2)`,
    );
  }
}

/** R14's injected cases and near misses. */
export const R14DemoCases: RuleDemoCases = {
  records: (kit, { count, nearCount }) => cases(kit, count, nearCount),
};
