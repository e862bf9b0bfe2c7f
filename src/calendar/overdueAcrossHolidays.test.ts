import { expect, it } from 'vitest';
import { templateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { createAdministrator } from '../auth/createAdministrator.js';
import { scopeOf } from '../auth/scope.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { hitKey } from '../demo/demoCounty.js';
import { generateCounty } from '../demo/generateCounty.js';
import { loadCountyRows } from '../demo/loadDemoCounty.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { runScan } from '../rules/runScan.js';
import { listWarnings } from '../warnings/warningsRepository.js';
import { writeSetting } from '../settings/settingsRepository.js';
import { holidaySetting } from './calendarOverrides.js';

/** Two applications around the 2025 National Day holiday (10-01 to 10-08, make-up 09-28 and 10-11). */
function applications(): { holiday: Record<string, string>; makeUp: Record<string, string> } {
  return {
    // Monday to Friday would count 8 working days (10-01 to 10-10), over the limit of 3;
    // the official calendar counts 2 (10-09 and 10-10).
    holiday: {
      ...templateRow('approvals'),
      received_date: '2025-09-30',
      decided_date: '2025-10-10',
      time_limit_days: '3',
    },
    // Monday to Friday would count 2 (10-13 and 10-14), within the limit of 2; the make-up
    // Saturday 10-11 makes it 3.
    makeUp: {
      ...templateRow('approvals'),
      received_date: '2025-10-10',
      decided_date: '2025-10-14',
      time_limit_days: '2',
    },
  };
}

describeForEachDatabase('R14 across the 2025 National Day holiday', (current) => {
  const scan = async () => {
    const ctx = current();
    const summary = await runScan(ctx, {
      jurisdiction: '431226000000',
      kind: 'full',
      actor: systemActor,
      today: '2025-12-31',
    });
    const warnings = await listWarnings(ctx.handle.db, scopeOf('431226000000'), { rule: 'R14' });
    return { count: summary.hits.R14 ?? 0, warnings };
  };

  it('skips the holiday and counts the make-up Saturday', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, '431226000000');
    const { holiday, makeUp } = applications();
    await makeLive(ctx, 'approvals', [holiday, makeUp]);
    const { count, warnings } = await scan();
    expect(count).toBe(1);
    expect(warnings.map((w) => w.subject_id_number)).toEqual([makeUp.handler_id_number]);
    expect(warnings[0]!.explanation).toContain('2025年10月10日受理，用时3个工作日，承诺2个工作日');
  });

  it('lets a county’s override win over the official calendar', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, '431226000000');
    const { holiday, makeUp } = applications();
    await makeLive(ctx, 'approvals', [holiday, makeUp]);
    // The county worked 10-07 and 10-08 and did not work the make-up Saturday.
    const overrides = { '2025-10-07': true, '2025-10-08': true, '2025-10-11': false };
    await auditedWrite(ctx, systemActor, (scope) => writeSetting(scope, holidaySetting, overrides));
    const { warnings } = await scan();
    expect(warnings.map((w) => w.subject_id_number)).toEqual([holiday.handler_id_number]);
    expect(warnings[0]!.explanation).toContain('2025年9月30日受理，用时4个工作日，承诺3个工作日');
  });

  it('holds on a demo county of 2025', async () => {
    const ctx = current();
    const root = '431226000000';
    const county = generateCounty({ region: root, people: 1000, seed: 11, year: 2025 });
    await loadJurisdiction(ctx, systemActor, root);
    await createAdministrator(ctx, root);
    const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
    await loadCountyRows(
      ctx,
      { actor: { id: admin.id, name: 'admin' }, scope: scopeOf(root) },
      county,
    );
    await runScan(ctx, {
      jurisdiction: root,
      kind: 'full',
      actor: systemActor,
      today: county.today,
    });
    const warnings = await listWarnings(ctx.handle.db, scopeOf(root), { rule: 'R14' });
    expect(
      warnings
        .map((w) =>
          hitKey({ rule: 'R14', subject: w.subject_id_number, program_code: w.program_code }),
        )
        .sort(),
    ).toEqual(
      county.expected
        .filter((e) => e.rule === 'R14')
        .map(hitKey)
        .sort(),
    );
    const explanations = warnings.map((w) => w.explanation);
    expect(
      explanations.filter((e) => e.includes('2025年10月10日受理，用时3个工作日，承诺2个工作日')),
    ).toHaveLength(1);
    // Decided on 10-11, the make-up Saturday: 3 working days of 3, no warning.
    expect(county.nearMisses.map((n) => n.note)).toContain(
      'received 2025-09-30, decided 2025-10-11: 3 working days across the National Day holiday (limit 3)',
    );
    expect(explanations.filter((e) => e.includes('2025年9月30日受理'))).toEqual([]);
  });
});
