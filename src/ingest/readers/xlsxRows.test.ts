import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { zipOf } from '../../../test/factories/zipOf.js';
import { openTable } from './openTable.js';
import type { RawRow, TableSource } from './tableReader.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const newFile = (): string => path.join(dir, `t${(fileCount += 1)}.xlsx`);

async function readAll(
  file: string,
  batchSize?: number,
): Promise<{ table: TableSource; rows: RawRow[]; sizes: number[] }> {
  const table = await openTable(file);
  const rows: RawRow[] = [];
  const sizes: number[] = [];
  for await (const batch of table.batches(batchSize)) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { table, rows, sizes };
}

const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe('reading XLSX written by Excel-like tools', () => {
  it('keeps numbers, dates, strings, rich text, formula results, positions; skips empty rows and other sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('发放明细');
    sheet.addRow(['姓名', '身份证号', '金额', '发放日期', '备注', '合计', '标记', '状态']);
    sheet.addRow([
      '测试甲',
      431226193803120000,
      300.5,
      day(2024, 3, 5),
      { richText: [{ text: '测试' }, { text: '乙', font: { bold: true } }] },
      { formula: 'C2*2', result: 601 },
      true,
      { error: '#N/A' },
    ]);
    const third = sheet.getRow(3);
    third.getCell(1).value = '测试丙';
    third.getCell(3).value = 0;
    third.getCell(6).value = { formula: 'D2+1', result: day(2024, 3, 6) };
    third.getCell(6).numFmt = 'yyyy"年"m"月"d"日"';
    third.getCell(7).value = { formula: 'A3&"x"', result: '测试丙x' };
    // A formatted row with nothing in it, as Excel leaves behind.
    sheet.getRow(4).getCell(2).numFmt = '@';
    sheet.getRow(4).getCell(2).value = '';
    sheet.getRow(6).values = ['测试丁', '431226193803120001'];
    workbook.addWorksheet('第二页').addRow(['不该读到', 1]);
    const file = newFile();
    await workbook.xlsx.writeFile(file);

    const { table, rows } = await readAll(file);
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeNull();
    expect(rows).toEqual([
      {
        rowNumber: 1,
        cells: ['姓名', '身份证号', '金额', '发放日期', '备注', '合计', '标记', '状态'],
      },
      {
        rowNumber: 2,
        cells: ['测试甲', 431226193803120000, 300.5, day(2024, 3, 5), '测试乙', 601, 'TRUE'],
      },
      { rowNumber: 3, cells: ['测试丙', null, 0, null, null, day(2024, 3, 6), '测试丙x'] },
      { rowNumber: 6, cells: ['测试丁', '431226193803120001'] },
    ]);
    expect(table.digest()).toEqual({ sha256: sha256(file), bytes: fs.statSync(file).size });
  });

  it('reads what the streaming writer writes, in batches', async () => {
    const file = newFile();
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = writer.addWorksheet('数据');
    sheet.addRow(['姓名', '金额', '日期']).commit();
    for (let i = 1; i <= 12; i += 1) sheet.addRow([`测试${i}`, i * 1.5, day(2024, 1, i)]).commit();
    sheet.commit();
    writer.addWorksheet('其他').addRow(['x']).commit();
    await writer.commit();

    const { rows, sizes, table } = await readAll(file, 5);
    expect(sizes).toEqual([5, 5, 3]);
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(rows[12]).toEqual({ rowNumber: 13, cells: ['测试12', 18, day(2024, 1, 12)] });
    expect(table.digest().sha256).toBe(sha256(file));
  });
});

describe('temporary files', () => {
  const spooled = (): string[] =>
    fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

  it('leaves none behind, whether the reader reads to the end or stops early', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ['数据', '字典', '说明']) {
      const sheet = workbook.addWorksheet(name);
      for (let i = 0; i < 50; i += 1) sheet.addRow([`${name}${i}`, i]);
    }
    const file = newFile();
    await workbook.xlsx.writeFile(file);
    const before = spooled();

    expect((await readAll(file)).rows).toHaveLength(50);
    // exceljs deletes its files asynchronously, just after moving on.
    await vi.waitFor(() => expect(spooled()).toEqual(before));

    const table = await openTable(file);
    for await (const batch of table.batches(2)) {
      expect(batch[0]?.cells).toEqual(['数据0', 0]);
      break;
    }
    await vi.waitFor(() => expect(spooled()).toEqual(before));
  });
});

/** The parts of a workbook as Excel writes them, for entry orders exceljs does not produce. */
function workbookParts(options: { date1904?: boolean } = {}): Record<string, string> {
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheetXml = (rows: string): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${main}><sheetData>${rows}</sheetData></worksheet>`;
  return {
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${main} xmlns:r="${rel}">` +
      (options.date1904 ? '<workbookPr date1904="1"/>' : '') +
      '<sheets><sheet name="填表说明" sheetId="3" state="hidden" r:id="rId3"/>' +
      '<sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="字典" sheetId="2" r:id="rId2"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet3.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId4" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId5" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${main} count="3" uniqueCount="3">` +
      '<si><t>姓名</t></si><si><t>发放日期</t></si><si><r><t>测试</t></r><r><rPr><b/></rPr><t>甲</t></r></si></sst>',
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${main}>` +
      '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      // 31 is Excel's built-in 'yyyy"年"m"月"d"日"' in Chinese locales: only the id is written.
      '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '</styleSheet>',
    'xl/worksheets/sheet1.xml': sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>请按说明填写</t></is></c></row>',
    ),
    'xl/worksheets/sheet2.xml': sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45356</v></c><c r="C2" s="2"><v>45357</v></c>' +
        '<c r="E2" t="inlineStr"><is><t>备注</t></is></c></row>' +
        '<row r="3"><c r="B3" s="1"/></row>',
    ),
    'xl/worksheets/sheet3.xml': sheetXml('<row r="1"><c r="A1"><v>99</v></c></row>'),
  };
}

function inOrder(parts: Record<string, string>, order: string[]): Record<string, string> {
  return Object.fromEntries(order.map((name) => [name, parts[name]!]));
}

describe('reading XLSX laid out as other tools lay it out', () => {
  const expected: RawRow[] = [
    { rowNumber: 1, cells: ['姓名', '发放日期'] },
    { rowNumber: 2, cells: ['测试甲', day(2024, 3, 5), day(2024, 3, 6), null, '备注'] },
  ];
  const sharedStringsFirst = [
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet3.xml',
  ];
  // Excel's own order: worksheets before styles and shared strings.
  const excelOrder = [
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
    'xl/worksheets/sheet3.xml',
    'xl/styles.xml',
    'xl/sharedStrings.xml',
  ];

  for (const [layout, order] of [
    ['shared strings first', sharedStringsFirst],
    ['Excel’s order', excelOrder],
  ] as const) {
    for (const stored of [false, true]) {
      it(`reads the first visible sheet in tab order, with Chinese built-in date formats (${layout}, ${stored ? 'stored' : 'deflated'})`, async () => {
        const file = newFile();
        fs.writeFileSync(file, zipOf(inOrder(workbookParts(), order), { stored }));
        // Several times: the entries exceljs used to lose depended on timing.
        for (let i = 0; i < 5; i += 1) {
          const { rows, table } = await readAll(file);
          expect(rows).toEqual(expected);
          expect(table.digest()).toEqual({ sha256: sha256(file), bytes: fs.statSync(file).size });
        }
      });
    }
  }

  it('counts days from 1904 in workbooks that say so', async () => {
    const file = newFile();
    fs.writeFileSync(file, zipOf(workbookParts({ date1904: true })));
    const { rows } = await readAll(file);
    expect(rows[1]?.cells[1]).toEqual(day(2028, 3, 6));
  });

  it('refuses a zip that holds no worksheet', async () => {
    const file = newFile();
    fs.writeFileSync(file, zipOf({ 'word/document.xml': '<document/>' }));
    const table = await openTable(file);
    await expect(readAll(file)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(() => table.digest()).toThrow();
  });

  it('refuses a workbook whose cells point to shared strings it does not have', async () => {
    const parts = workbookParts();
    const file = newFile();
    fs.writeFileSync(
      file,
      zipOf(
        inOrder(
          parts,
          excelOrder.filter((name) => !name.includes('sharedStrings')),
        ),
      ),
    );
    await expect(readAll(file)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});

describe('corrupt XLSX', () => {
  async function validWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    for (let i = 0; i < 2000; i += 1)
      sheet.addRow([`测试${i}`, i, `431226${String(i).padStart(12, '0')}`]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reports a truncated workbook as unreadable, in plain Chinese', async () => {
    const bytes = await validWorkbook();
    const file = newFile();
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error: unknown = await readAll(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect((error as { text: (l: 'zh') => string }).text('zh')).toContain('Excel 文件已损坏');
  });

  it('reports garbage after a zip signature as unreadable', async () => {
    const file = newFile();
    fs.writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000, 0x41)]));
    await expect(readAll(file)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('reports damaged compressed data as unreadable', async () => {
    const bytes = await validWorkbook();
    for (let i = 0; i < 200; i += 1) {
      const at = Math.floor(bytes.length * 0.3) + i * 7;
      bytes[at] = bytes[at]! ^ 0x5a;
    }
    const file = newFile();
    fs.writeFileSync(file, bytes);
    await expect(readAll(file)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});
