import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestContext, dialects, type TestContext } from '../../test/helpers/databases.js';
import { systemActor } from '../audit/actor.js';
import { scopeOf } from '../auth/scope.js';
import { createAdministrator } from '../auth/createAdministrator.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { hitKey, type DemoCounty } from '../demo/demoCounty.js';
import { generateCounty } from '../demo/generateCounty.js';
import { loadCountyRows } from '../demo/loadDemoCounty.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { runScan } from './runScan.js';
import { listWarnings, type WarningView } from '../warnings/warningsRepository.js';

/**
 * Every rule's hits and near misses on a generated county, on SQLite and on PostgreSQL: the
 * warnings must be exactly the injected violations (one per rule, subject and programme),
 * none of the near misses, and the same on both databases, to the last fen and word.
 */
const county: DemoCounty = generateCounty({
  region: '431226000000',
  people: 3000,
  seed: 7,
  year: 2024,
});
const results = new Map<string, WarningView[]>();
const root = '431226000000';

function keyOf(w: WarningView): string {
  return hitKey({ rule: w.rule, subject: w.subject_id_number, program_code: w.program_code });
}

for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(
    `the rules on a generated county [${dialect}]`,
    () => {
      let ctx: TestContext | undefined;
      let warnings: WarningView[] = [];

      beforeAll(async () => {
        ctx = await createTestContext(dialect);
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
        warnings = await listWarnings(ctx.handle.db, scopeOf(root), {});
        results.set(dialect, warnings);
      }, 180_000);

      afterAll(async () => {
        await ctx?.destroy();
      });

      it('raises exactly the injected warnings of every rule', () => {
        const got = warnings.map(keyOf).sort();
        const want = county.expected.map(hitKey).sort();
        expect(got).toEqual(want);
        const rules = new Set(county.expected.map((e) => e.rule));
        expect([...rules].sort()).toEqual([
          'R01',
          'R02',
          'R03',
          'R04',
          'R05',
          'R06',
          'R07',
          'R08',
          'R09',
          'R10',
          'R11',
          'R12',
          'R13',
          'R14',
          'R15',
          'R16',
        ]);
      });

      it('raises none of the near misses', () => {
        const got = new Set(warnings.map(keyOf));
        expect(
          county.nearMisses.filter((n) => got.has(hitKey(n))).map((n) => `${n.rule} ${n.note}`),
        ).toEqual([]);
      });

      it('explains every warning with its facts, in Chinese', () => {
        for (const w of warnings) {
          expect(w.explanation).toMatch(/\p{Script=Han}/u);
          expect(w.score).toBeGreaterThan(0);
          expect(w.score).toBeLessThanOrEqual(100);
          if (w.program_code) expect(w.amount_fen).toBeGreaterThan(0);
        }
        const death = warnings.find((w) => w.rule === 'R01')!;
        expect(death.explanation).toMatch(/于\d{4}年\d{1,2}月\d{1,2}日死亡.*领取.+共[\d,.]+元$/);
      });

      it('updates instead of duplicating on a rescan', async () => {
        const again = await runScan(ctx!, {
          jurisdiction: root,
          kind: 'full',
          actor: systemActor,
          today: county.today,
        });
        expect(again).toMatchObject({ new: 0, updated: 0, cleared: 0, unchanged: warnings.length });
        const after = await listWarnings(ctx!.handle.db, scopeOf(root), {});
        expect(after.map((w) => w.fingerprint).sort()).toEqual(
          warnings.map((w) => w.fingerprint).sort(),
        );
      });
    },
  );
}

describe.skipIf(!inject('pgTemplate'))('the two databases', () => {
  it('produce identical warnings for the same data', () => {
    const strip = (list: WarningView[]) =>
      list
        .map(
          ({
            id: _id,
            created_at: _c,
            updated_at: _u,
            first_seen_scan: _f,
            last_seen_scan: _l,
            cleared_at: _x,
            ...rest
          }) => rest,
        )
        .sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
    const sqlite = results.get('sqlite');
    const postgres = results.get('postgres');
    expect(sqlite?.length).toBeGreaterThan(0);
    expect(strip(postgres ?? [])).toEqual(strip(sqlite ?? []));
  });
});
