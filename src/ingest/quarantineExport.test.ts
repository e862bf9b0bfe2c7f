import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { chineseHeaders, writeCsv } from '../../test/factories/templateFiles.js';
import { templateRow, type TemplateRow } from '../../test/factories/templateRows.js';
import { createTestUser } from '../../test/factories/users.js';
import { describeForEachDatabase, tempDir } from '../../test/helpers/databases.js';
import { serverFor, signIn } from '../../test/helpers/server.js';
import { scopeOf } from '../auth/scope.js';
import { warningsCsv } from '../cli/warningsCommand.js';
import type { WarningView } from '../api/warnings.js';
import { datasets } from './datasets/index.js';
import { importFile } from './importFile.js';
import { fixTableCsv, writeFixTableXlsx } from './quarantineExport.js';
import { listQuarantine } from './quarantineRepository.js';
import { CsvParser } from './readers/csvRows.js';
import type { RawRow } from './readers/tableReader.js';

const dir = tempDir('jiandu-formula-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const county = scopeOf('431226000000');

const hyperlink = '=HYPERLINK("http://evil.example/","点我")';
const dde = `=cmd|' /C calc'!A0`;
const sum = '@SUM(1+1)';

function cellsOf(text: string): string[][] {
  const parser = new CsvParser('export.csv');
  const rows: RawRow[] = [];
  parser.push(text.replace(/^\ufeff/, ''), rows);
  parser.end(rows);
  return rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))));
}

describeForEachDatabase('formula-like cells (CSV injection)', (current) => {
  it('are guarded in the fix file, come back as they were, and are flagged as a quality problem', async () => {
    const ctx = current();
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const actor = { id: clerk.id, name: clerk.username };
    const definition = datasets.disbursements;
    const keys = definition.fields.map((f) => f.key);
    const flagged = { ...templateRow('disbursements'), name: hyperlink };
    const bad: TemplateRow = {
      ...templateRow('disbursements'),
      name: sum,
      household_id: dde,
      amount: '-12.50',
    };
    const file = path.join(dir, `payments-${ctx.handle.dialect}.csv`);
    writeCsv(file, chineseHeaders(definition, keys), { keys, rows: [flagged, bad] });
    const summary = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: file,
      actor,
      scope: county,
    });
    expect(summary).toMatchObject({ accepted: 1, quarantined: 1 });
    // The accepted row keeps its name but the report shows it, and consistency drops.
    expect(summary.quality.consistency).toMatchObject({
      score: 0,
      inconsistent: 1,
      checks: { row_warnings: 1, formula_text: 1 },
    });
    const stored = await ctx.handle.db
      .selectFrom('ds_disbursements')
      .select(['name', 'issues'])
      .where('batch_id', '=', summary.batch_id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe(hyperlink);
    expect(JSON.parse(stored.issues!)).toEqual([
      expect.objectContaining({ code: 'text.formula', field: 'name' }),
    ]);

    // The export: the attack cells get an apostrophe, the negative amount stays a number.
    const quarantined = await listQuarantine(ctx.handle.db, summary.batch_id);
    const csv = fixTableCsv(quarantined);
    const [header, row] = cellsOf(csv);
    const cell = (name: string): string => row![header!.indexOf(name)]!;
    expect(cell('姓名')).toBe(`'${sum}`);
    expect(cell('户号')).toBe(`'${dde}`);
    expect(cell('发放金额')).toBe('-12.50');
    for (const value of row!) expect(value === '-12.50' || !/^[=+\-@\t\r]/.test(value)).toBe(true);

    // The clerk fixes the amount and imports the file again: the values are the originals.
    const fixFile = path.join(dir, `fix-${ctx.handle.dialect}.csv`);
    fs.writeFileSync(fixFile, csv.replace(',-12.50,', ',12.50,'));
    const fixed = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: fixFile,
      actor,
      scope: county,
      fixes: summary.batch_id,
    });
    expect(fixed).toMatchObject({ status: 'merged', accepted: 1, quarantined: 0 });
    const merged = await ctx.handle.db
      .selectFrom('ds_disbursements')
      .select(['name', 'household_id', 'amount_fen', 'issues'])
      .where('batch_id', '=', summary.batch_id)
      .where('record_id', '=', bad.record_id!)
      .executeTakeFirstOrThrow();
    expect(merged).toMatchObject({ name: sum, household_id: dde, amount_fen: 1250 });
    expect(
      (JSON.parse(merged.issues!) as { code: string; field: string }[]).map((n) => n.field),
    ).toEqual(['name', 'household_id']);
  });

  it('are guarded in the fix file the console downloads', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const definition = datasets.disbursements;
    const keys = definition.fields.map((f) => f.key);
    const file = path.join(dir, `download-${ctx.handle.dialect}.csv`);
    writeCsv(file, chineseHeaders(definition, keys), {
      keys,
      rows: [{ ...templateRow('disbursements'), name: hyperlink, amount: '-12.50' }],
    });
    const summary = await importFile(ctx, {
      dataset: 'disbursements',
      filePath: file,
      actor: { id: clerk.id, name: clerk.username },
      scope: county,
    });
    const cookie = await signIn(server, clerk.username);
    const response = await server.inject({
      method: 'GET',
      url: `/api/batches/${summary.batch_id}/quarantine.csv`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    const [header, row] = cellsOf(response.body);
    expect(row![header!.indexOf('姓名')]).toBe(`'${hyperlink}`);
    expect(row![header!.indexOf('发放金额')]).toBe('-12.50');
    await server.close();
  });

  it('are plain text cells in the XLSX fix file, never formulas, and read back as written', async () => {
    const ctx = current();
    const clerk = await createTestUser(ctx, { role: 'clerk' });
    const definition = datasets.residents;
    const keys = definition.fields.map((f) => f.key);
    const row = {
      ...templateRow('residents'),
      id_number: '4.31226E+17',
      name: hyperlink,
      address: sum,
      phone: dde,
    };
    const file = path.join(dir, `residents-${ctx.handle.dialect}.csv`);
    writeCsv(file, chineseHeaders(definition, keys), { keys, rows: [row] });
    const summary = await importFile(ctx, {
      dataset: 'residents',
      filePath: file,
      actor: { id: clerk.id, name: clerk.username },
      scope: county,
    });
    expect(summary.quarantined).toBe(1);
    const xlsx = path.join(dir, `fix-${ctx.handle.dialect}.xlsx`);
    await writeFixTableXlsx(await listQuarantine(ctx.handle.db, summary.batch_id), xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    for (const [header, value] of [
      ['姓名', hyperlink],
      ['住址', sum],
      ['联系电话', dde],
    ] as const) {
      const cell = sheet.getRow(2).getCell(headers.indexOf(header) + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(value);
    }
  });
});

describe('the warnings CSV', () => {
  it('guards a subject name that looks like a formula', () => {
    const warning = {
      rule: 'R01',
      subject_id_number: '431226193803120015',
      subject_name: hyperlink,
      village_code: '431226101001',
      program_code: 'DB',
      periods: ['2024-03'],
      amount_fen: 56000,
      record_ids: ['MZ-1'],
      severity: '高',
      score: 90,
      explanation: '@SUM(1+1)',
      fingerprint: 'f',
      status: 'open',
    } as WarningView;
    const [header, line] = warningsCsv([warning]).map((l) => cellsOf(`${l}\r\n`)[0]!);
    expect(line![header!.indexOf('subject_name')]).toBe(`'${hyperlink}`);
    expect(line![header!.indexOf('explanation')]).toBe(`'@SUM(1+1)`);
    expect(line![header!.indexOf('amount_fen')]).toBe('56000');
  });
});
