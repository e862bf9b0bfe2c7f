import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { variantsFor, type Variant } from '../../../test/factories/fieldVariants.js';
import { newIdNumber } from '../../../test/factories/people.js';
import {
  chineseHeaders,
  writeCsv,
  writeXlsx,
  type TestCell,
  type TestTable,
} from '../../../test/factories/templateFiles.js';
import { templateRow } from '../../../test/factories/templateRows.js';
import { createTestUser } from '../../../test/factories/users.js';
import { describeForEachDatabase, tempDir } from '../../../test/helpers/databases.js';
import { scopeOf } from '../../auth/scope.js';
import { nationalCode } from '../../core/divisionCode.js';
import {
  columnOf,
  datasetKeys,
  type DatasetDefinition,
  type DatasetKey,
} from '../datasetDefinition.js';
import { importFile } from '../importFile.js';
import { listQuarantine } from '../quarantineRepository.js';
import { datasets } from './index.js';

/**
 * docs/reference/datasets.md, row by row: for every dataset, a file with one row per accepted
 * and per rejected form of each of its fields (plus the dataset's own checks), imported from CSV
 * and from XLSX with the Chinese headers. Each row's fate and each reason is asserted.
 */

interface Case {
  label: string;
  field: string;
  row: Record<string, TestCell>;
  expect: Variant['expect'] | { issue: string };
  xlsxOnly?: boolean;
}

/** Rules of whole rows, per dataset (a row is valid field by field but not as a whole). */
function rowCases(key: DatasetKey): Case[] {
  const base = (overrides: Record<string, string>) => ({ ...templateRow(key), ...overrides });
  switch (key) {
    case 'residents': {
      const row = templateRow('residents');
      return [
        {
          label: 'sex against the ID',
          field: 'gender',
          row: { ...row, gender: row.gender === '男' ? '女' : '男' },
          expect: { issue: 'gender.mismatch' },
        },
        {
          label: 'birth date against the ID',
          field: 'birth_date',
          row: base({ birth_date: '1901-01-01' }),
          expect: { issue: 'birth.mismatch' },
        },
      ];
    }
    case 'officials':
      return [
        {
          label: 'end before start',
          field: 'end_date',
          row: base({ end_date: '2019-12-31' }),
          expect: { code: 'range.order' },
        },
      ];
    case 'relations': {
      const id = newIdNumber();
      return [
        {
          label: 'relative is the official',
          field: 'relative_id_number',
          row: base({ official_id_number: id, relative_id_number: id }),
          expect: { code: 'relation.self' },
        },
      ];
    }
    case 'vehicles':
      return [
        {
          label: 'cancelled before registered',
          field: 'cancelled_date',
          row: base({ cancelled_date: '2019-01-01' }),
          expect: { code: 'range.order' },
        },
      ];
    case 'businesses':
      return [
        {
          label: 'closed before established',
          field: 'closed_date',
          row: base({ closed_date: '2017-01-01' }),
          expect: { code: 'range.order' },
        },
        {
          label: 'closed without a date',
          field: 'status',
          row: base({ status: '注销' }),
          expect: { issue: 'closed.missing' },
        },
      ];
    case 'disabilities':
      return [
        {
          label: 'valid until before issued',
          field: 'valid_until',
          row: base({ valid_until: '2014-01-01' }),
          expect: { code: 'range.order' },
        },
      ];
    case 'approvals':
      return [
        {
          label: 'decided before received',
          field: 'decided_date',
          row: base({ decided_date: '2024-02-01' }),
          expect: { code: 'range.order' },
        },
      ];
    case 'disbursements':
      return [
        {
          label: 'zero amount',
          field: 'amount',
          row: base({ amount: '0' }),
          expect: { issue: 'amount.zero' },
        },
      ];
    case 'programs':
    case 'deaths':
    case 'payroll':
    case 'properties':
      return [];
  }
}

function casesFor(definition: DatasetDefinition): Case[] {
  const cases: Case[] = [];
  for (const field of definition.fields) {
    for (const variant of variantsFor(field, templateRow(definition.key))) {
      const row: Record<string, TestCell> = {
        ...templateRow(definition.key),
        [field.key]: variant.value,
      };
      cases.push({
        label: `${field.key}: ${variant.label}`,
        field: field.key,
        row,
        expect: variant.expect,
        ...(variant.xlsxOnly ? { xlsxOnly: true } : {}),
      });
    }
  }
  return [...cases, ...rowCases(definition.key)];
}

const dir = tempDir('jiandu-datasets-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeForEachDatabase('every template, every value rule', (current) => {
  for (const key of datasetKeys) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`${key} from ${format.toUpperCase()}`, async () => {
        const ctx = current();
        const definition = datasets[key];
        const cases = casesFor(definition).filter((c) => format === 'xlsx' || !c.xlsxOnly);
        const keys = [...definition.fields.map((f) => f.key), '备注'];
        // An identical row again (a duplicate), and the same record with other values (a conflict).
        const repeatedIndex = cases.findIndex((c) => 'stored' in c.expect);
        const valid = templateRow(key);
        // Same natural key, another value in a column outside it.
        const other = definition.fields.find(
          (f) =>
            !definition.naturalKey.includes(columnOf(f)) &&
            f.key !== 'gender' &&
            (f.type.kind === 'text' || f.type.kind === 'name'),
        )!;
        const conflicting = { ...valid, [other.key]: `${valid[other.key] ?? ''}改` };
        const table: TestTable = {
          keys,
          rows: [
            ...cases.map((c, i) => ({ ...c.row, 备注: `第${i}例` })),
            { ...cases[repeatedIndex]!.row, 备注: `第${repeatedIndex}例` },
            valid,
            conflicting,
          ],
        };
        const file = path.join(
          dir,
          `${key}-${format}-${Math.random().toString(36).slice(2)}.${format}`,
        );
        const headers = chineseHeaders(definition, keys);
        if (format === 'csv')
          writeCsv(file, headers, table, key === 'residents' ? 'gb18030' : 'utf-8-bom');
        else await writeXlsx(file, headers, table);

        // A clerk of a national deployment: the value rules accept any code of the national
        // table (another province's too); holding rows to a jurisdiction is tested on its own.
        const clerk = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: nationalCode });
        const summary = await importFile(ctx, {
          dataset: key,
          filePath: file,
          actor: { id: clerk.id, name: clerk.username },
          scope: scopeOf(nationalCode),
        });
        const quarantine = await listQuarantine(ctx.handle.db, summary.batch_id);
        const byRow = new Map(quarantine.map((q) => [q.rowNumber, q]));
        const stored = await sql<
          Record<string, unknown>
        >`select * from ${sql.table(definition.table)} where batch_id = ${summary.batch_id}`.execute(
          ctx.handle.db,
        );
        const storedByRow = new Map(stored.rows.map((r) => [Number(r.row_number), r]));

        const failures: string[] = [];
        cases.forEach((c, index) => {
          const rowNumber = index + 2;
          const field = definition.fields.find((f) => f.key === c.field)!;
          const got = storedByRow.get(rowNumber);
          const problems = byRow.get(rowNumber)?.problems ?? [];
          const expectation = c.expect;
          if ('code' in expectation) {
            const problem = problems.find(
              (p) => p.code === expectation.code && (p.field === c.field || p.field === null),
            );
            if (!problem)
              failures.push(
                `row ${rowNumber} (${c.label}): expected ${expectation.code}, got ${got ? 'accepted' : JSON.stringify(problems.map((p) => p.code))} ${JSON.stringify(byRow.get(rowNumber)?.raw)}`,
              );
            else if (!/\p{Script=Han}/u.test(problem.zh))
              failures.push(`row ${rowNumber} (${c.label}): reason not in Chinese: ${problem.zh}`);
            else if (got) failures.push(`row ${rowNumber} (${c.label}): quarantined and stored`);
          } else if (!got) {
            failures.push(
              `row ${rowNumber} (${c.label}): expected accepted, quarantined for ${JSON.stringify(problems.map((p) => `${p.code} ${p.zh}`))}`,
            );
          } else if ('stored' in expectation) {
            const value = got[columnOf(field)];
            const normalised = typeof value === 'bigint' ? Number(value) : value;
            if (normalised !== expectation.stored)
              failures.push(
                `row ${rowNumber} (${c.label}): stored ${String(normalised)}, expected ${String(expectation.stored)}`,
              );
            if (got.extra !== JSON.stringify({ 备注: `第${index}例` }))
              failures.push(`row ${rowNumber}: extra column lost: ${String(got.extra)}`);
          } else {
            const issues = typeof got.issues === 'string' ? got.issues : '';
            if (!issues.includes(expectation.issue))
              failures.push(
                `row ${rowNumber} (${c.label}): expected quality note ${expectation.issue}, got ${issues}`,
              );
          }
        });
        expect(failures).toEqual([]);

        const conflictRow = cases.length + 4;
        expect(byRow.get(conflictRow)?.problems.map((p) => p.code)).toEqual(['conflict']);
        expect(summary.duplicates).toBe(1);
        expect(summary.rows).toBe(cases.length + 3);
        expect(summary.accepted + summary.quarantined + summary.duplicates).toBe(summary.rows);
        expect(summary.status).toBe('pending');
        expect(summary.quality.validity.rows).toBe(summary.rows);
      });
    }
  }
});
