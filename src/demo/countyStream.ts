import { firstDayOfMonth } from '../core/dates.js';
import { Background, type Emit } from './background.js';
import { lastDay, periodsOf } from './calendar.js';
import { CaseKit } from './caseKit.js';
import { makeComplaints } from './complaints.js';
import { CountyPlan } from './countyPlan.js';
import type { DemoComplaint, DemoOptions, ExpectedHit } from './demoCounty.js';
import { injectCases } from './injectedCases.js';
import { programmeRows } from './programmes.js';
import { Random } from './random.js';
import { officialRow, payrollRow, residentRow } from './rowBuilders.js';

/**
 * The county as a stream of rows: the skeleton (officials, relatives, injected cases,
 * complaints) is built up front; the ordinary households are generated one at a time while
 * the rows go out, so that memory stays bounded whatever the number of people.
 */
export class CountyStream {
  readonly plan: CountyPlan;
  readonly expected: ExpectedHit[];
  readonly nearMisses: ExpectedHit[];
  readonly complaints: DemoComplaint[];
  readonly today: string;
  private used = false;

  constructor(readonly options: DemoOptions) {
    if (!Number.isInteger(options.people) || options.people < 1)
      throw new Error('people must be a positive integer');
    if (!Number.isInteger(options.year) || options.year < 1950)
      throw new Error('year must be a plain year');
    this.plan = new CountyPlan(options);
    const kit = new CaseKit(this.plan);
    injectCases(kit);
    this.complaints = makeComplaints(kit, options.seed);
    this.expected = kit.expected;
    this.nearMisses = kit.nearMisses;
    this.today = this.plan.today;
  }

  /** Emits every row; yields after each household so that a writer can wait for its files. */
  *rows(emit: Emit): Generator<void, void, undefined> {
    if (this.used) throw new Error('a county stream runs once');
    this.used = true;
    const plan = this.plan;
    const year = plan.year;
    let payments = 0;
    const out: Emit = (dataset, row) => {
      if (dataset === 'disbursements' && row.record_id === '') {
        payments += 1;
        row.record_id = `MZ-${year}-${String(payments).padStart(8, '0')}`;
      }
      emit(dataset, row);
    };

    for (const row of programmeRows()) out('programs', row);
    for (const official of plan.officials) out('officials', officialRow(official));
    for (const row of plan.relations) out('relations', row);
    const periods = periodsOf(year);
    for (const official of plan.officials) {
      if (official.salaryFen === 0) continue;
      for (const p of periods) {
        const inOffice =
          official.start <= lastDay(p) &&
          (official.end === '' || official.end >= firstDayOfMonth(p));
        if (inOffice)
          out('payroll', payrollRow(official.person, official.organisation, p, official.salaryFen));
      }
    }
    yield;

    const villages = plan.villages;
    const budget = Math.max(0, plan.options.people - plan.specialPeopleCount);
    const poorChance = Math.min(0.3, (0.085 * plan.options.people) / Math.max(1, budget));
    const background = new Background(plan, new Random(plan.options.seed, 3), out, poorChance);
    for (let i = 0; i < villages.length; i += 1) {
      const village = villages[i]!;
      for (const special of plan.specials.get(village.code) ?? []) {
        if (special.kind === 'case') {
          for (const m of special.household.members)
            out('residents', residentRow(m, special.household));
          for (const [dataset, row] of special.rows) out(dataset, row);
        } else background.household(special.household, false, special.payments);
        yield;
      }
      let left = Math.floor(budget / villages.length) + (i < budget % villages.length ? 1 : 0);
      while (left > 0) {
        const household = plan.people.household(
          village,
          plan.specs.anyShape(Math.min(6, left)),
          false,
        );
        left -= household.members.length;
        background.household(household, true, true);
        yield;
      }
    }
  }
}
