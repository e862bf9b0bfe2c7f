import { expect, it } from 'vitest';
import { systemActor } from '../src/audit/actor.js';
import { createAdministrator } from '../src/auth/createAdministrator.js';
import { scopeOf } from '../src/auth/scope.js';
import { findUserByUsername } from '../src/auth/usersRepository.js';
import type { Dialect } from '../src/db/openDatabase.js';
import type { DatasetRows } from '../src/demo/demoCounty.js';
import { generateCounty } from '../src/demo/generateCounty.js';
import { loadComplaints, loadDataset, tableOf } from '../src/demo/loadDemoCounty.js';
import { datasetKeys } from '../src/ingest/datasetDefinition.js';
import { loadJurisdiction } from '../src/jurisdiction/loadJurisdiction.js';
import { runScan } from '../src/rules/runScan.js';
import { describeForEachDatabase } from './helpers/databases.js';

/**
 * A county's first load in the order of the templates, payments month by month as offices
 * send them, each batch approved and followed by the automatic (incremental) scan: no
 * incremental rule statement may read the registry or the payments whole. A planner working
 * from statistics taken while those tables were empty does (a first load once ran for half an
 * hour in R10); this test fails when the statistics stop following the data.
 */

const root = '431226000000';
const people = 6_000;
/**
 * The tables that grow with the county: an incremental statement reads them only through
 * their indexes, from the people it re-checks (reading one whole for each re-checked person
 * is a hang; reading one whole once is a full scan's cost on every small batch).
 */
const populationTables = [
  'ds_residents',
  'ds_disbursements',
  'ds_officials',
  'ds_relations',
  'ds_payroll',
  'ds_vehicles',
  'ds_properties',
  'ds_businesses',
  'ds_business_people',
  'ds_disabilities',
  'ds_approvals',
];

/** The tables (or lists) an alias of the statement may stand for (`from t a`, `join t as a`). */
function aliases(statement: string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const pattern = /\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi;
  for (const match of statement.matchAll(pattern)) {
    const table = match[1]!;
    const alias =
      match[2] && !/^(where|on|join|left|inner|group|order|union|limit)$/i.test(match[2])
        ? match[2]
        : table;
    if (!map.has(alias)) map.set(alias, new Set());
    map.get(alias)!.add(table);
  }
  return map;
}

/** Steps of a plan that read a population table whole. */
export function fullReads(dialect: Dialect, statement: string, lines: readonly string[]): string[] {
  if (dialect === 'postgres') {
    // PostgreSQL estimates the scan's lists and copy and rightly reads a table of a few
    // hundred rows whole; at the county's scale it looks them up. Of this test county, the
    // registry and the payments are large enough that reading them whole is wrong.
    return lines.filter((line) =>
      ['ds_residents', 'ds_disbursements'].some((t) =>
        new RegExp(`Seq Scan on ${t}\\b`).test(line),
      ),
    );
  }
  const tables = aliases(statement);
  return lines.filter((line) => {
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(line.trim());
    if (!scan) return false;
    const index = scan[2];
    if (index) return populationTables.some((t) => index.startsWith(`${t}_`));
    const candidates = tables.get(scan[1]!);
    return candidates !== undefined && [...candidates].every((t) => populationTables.includes(t));
  });
}

describeForEachDatabase('a first load in template order', (current) => {
  it('plans every incremental rule statement through indexes', { timeout: 600_000 }, async () => {
    const ctx = current();
    const county = generateCounty({ region: root, people, seed: 11, year: 2024 });
    await loadJurisdiction(ctx, systemActor, root);
    await createAdministrator(ctx, root);
    const admin = (await findUserByUsername(ctx.handle.db, 'admin'))!;
    const loader = { actor: { id: admin.id, name: 'admin' }, scope: scopeOf(root) };
    const problems: string[] = [];
    let incrementalPlans = 0;
    const scan = async (after: string): Promise<void> => {
      const found: string[] = [];
      const summary = await runScan(ctx, {
        jurisdiction: root,
        kind: 'incremental',
        actor: systemActor,
        today: county.today,
        onPlan: (plan) => {
          if (!plan.incremental) return;
          incrementalPlans += 1;
          for (const line of fullReads(ctx.handle.dialect, plan.sql, plan.lines))
            found.push(`${after}, ${plan.rule}: ${line.trim()}`);
        },
      });
      // PostgreSQL weighs the copy against the tables: when a batch re-checks a good part of
      // the county (a first load of vehicles), reading the registry once can be the cheaper
      // plan. A small batch must never read it whole.
      const few = (summary.subjects ?? 0) < 0.1 * people;
      if (ctx.handle.dialect === 'sqlite' || few) problems.push(...found);
    };
    for (const dataset of datasetKeys) {
      const rows = county.rows[dataset] ?? [];
      // Payments arrive month by month.
      const batches: DatasetRows[][] =
        dataset === 'disbursements'
          ? [...new Set(rows.map((r) => r.period!))]
              .sort()
              .map((period) => rows.filter((r) => r.period === period))
          : [rows];
      for (const batch of batches) {
        if (batch.length === 0) continue;
        await loadDataset(ctx, loader, dataset, tableOf(batch));
        await scan(`${dataset} ${batch[0]!.period ?? ''}`.trim());
      }
    }
    await loadComplaints(ctx, loader, county.complaints);
    expect(incrementalPlans).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
