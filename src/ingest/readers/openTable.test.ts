import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { isJianduError } from '../../core/errors.js';
import { openTable } from './openTable.js';
import type { RawRow, TableSource } from './tableReader.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-open-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(
  table: TableSource,
  batchSize?: number,
): Promise<{ rows: RawRow[]; sizes: number[] }> {
  const rows: RawRow[] = [];
  const sizes: number[] = [];
  for await (const batch of table.batches(batchSize)) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { rows, sizes };
}

const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function failure(file: string): Promise<{ code: string; zh: string }> {
  const error: unknown = await openTable(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJianduError(error)) throw new Error(`expected a JianduError, got ${String(error)}`);
  return { code: error.code, zh: error.text('zh') };
}

const header = '发放记录号,姓名,身份证号,发放金额';
const lines = [
  header,
  'MZ-0001,测试甲,431226194002020001,300.00',
  'MZ-0002,测试乙,43122619400205002X,"1,200.50"',
];
const expected: RawRow[] = [
  { rowNumber: 1, cells: ['发放记录号', '姓名', '身份证号', '发放金额'] },
  { rowNumber: 2, cells: ['MZ-0001', '测试甲', '431226194002020001', '300.00'] },
  { rowNumber: 3, cells: ['MZ-0002', '测试乙', '43122619400205002X', '1,200.50'] },
];

describe('openTable on CSV', () => {
  it('reads UTF-8, UTF-8 with a BOM and GB18030 alike, and hashes the file as it reads', async () => {
    const text = lines.join('\r\n') + '\r\n';
    const files = {
      'utf-8': write('plain.csv', text),
      'utf-8-bom': write('bom.csv', '\ufeff' + text),
      gb18030: write('gb.csv', iconv.encode(text, 'gb18030')),
    } as const;
    for (const [encoding, file] of Object.entries(files)) {
      const table = await openTable(file);
      expect(table.format).toBe('csv');
      expect(table.encoding).toBe(encoding);
      expect(() => table.digest()).toThrow();
      expect((await readAll(table)).rows).toEqual(expected);
      expect(table.digest()).toEqual({ sha256: sha256(file), bytes: fs.statSync(file).size });
    }
  });

  it('goes by the content, not the file name', async () => {
    const table = await openTable(write('looks-like.xlsx', lines.join('\n')));
    expect(table.format).toBe('csv');
    expect((await readAll(table)).rows).toEqual(expected);
  });

  it('finds GB18030 after more than 64 KiB of plain ASCII', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `MZ-${i},abc,431226194002020001,1.00`);
    const text = [
      'record_id,name,id_number,amount',
      ...ascii,
      'MZ-x,测试甲,431226194002020001,2.00',
    ].join('\n');
    const file = write('late-gb.csv', iconv.encode(text, 'gb18030'));
    expect(fs.statSync(file).size).toBeGreaterThan(64 * 1024);
    const table = await openTable(file);
    expect(table.encoding).toBe('utf-8'); // provisional: nothing but ASCII so far
    const { rows } = await readAll(table);
    expect(table.encoding).toBe('gb18030');
    expect(rows).toHaveLength(3002);
    expect(rows.at(-1)).toEqual({
      rowNumber: 3002,
      cells: ['MZ-x', '测试甲', '431226194002020001', '2.00'],
    });
    expect(table.digest().sha256).toBe(sha256(file));
  });

  it('batches rows and keeps physical line numbers across blank lines and quoted line breaks', async () => {
    const body = Array.from({ length: 12_345 }, (_, i) =>
      i === 100 ? `MZ-${i},"测试\r\n换行",1,2\r\n` : `MZ-${i},测试${i},1,2`,
    );
    const file = write('many.csv', '\ufeff' + [header, '', ...body].join('\r\n'));
    const table = await openTable(file);
    const { rows, sizes } = await readAll(table, 5000);
    expect(sizes).toEqual([5000, 5000, 2346]);
    expect(rows[0]?.rowNumber).toBe(1);
    expect(rows[1]?.rowNumber).toBe(3);
    expect(rows[101]).toEqual({ rowNumber: 103, cells: ['MZ-100', '测试\r\n换行', '1', '2'] });
    expect(rows[102]?.rowNumber).toBe(106);
    expect(rows.at(-1)?.rowNumber).toBe(12_349);
  });

  it('reads again from the start when batches() is called again, and stops cleanly when the reader stops early', async () => {
    const body = Array.from(
      { length: 40_000 },
      (_, i) => `MZ-${i},测试${i},431226194002020001,${i}.00`,
    );
    const file = write('again.csv', [header, ...body].join('\n'));
    const table = await openTable(file);
    for await (const batch of table.batches(10)) {
      expect(batch[0]).toEqual({
        rowNumber: 1,
        cells: ['发放记录号', '姓名', '身份证号', '发放金额'],
      });
      break;
    }
    // Stopped before the end of the file: there is no digest of the whole file to give.
    expect(() => table.digest()).toThrow();
    const first = await readAll(table);
    expect(first.rows).toHaveLength(40_001);
    expect(table.digest().sha256).toBe(sha256(file));
    expect((await readAll(table)).rows).toEqual(first.rows);
    expect(() => table.batches(0)).toThrow(RangeError);
  });

  it('reads a tab-separated file', async () => {
    const table = await openTable(
      write(
        'tabs.csv',
        lines.map((l) => l.replaceAll(',', '\t').replace('"1\t200.50"', '1,200.50')).join('\n'),
      ),
    );
    expect((await readAll(table)).rows).toEqual(expected);
  });
});

describe('openTable refuses what it cannot read, in words a clerk understands', () => {
  it('a missing file, a folder', async () => {
    expect(await failure(path.join(dir, 'nope.csv'))).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(await failure(dir)).toMatchObject({
      code: 'FILE_UNREADABLE',
      zh: expect.stringContaining('文件夹') as string,
    });
  });

  it('an empty file, or one with nothing but a BOM and blank lines', async () => {
    expect(await failure(write('empty.csv', ''))).toMatchObject({ code: 'FILE_EMPTY' });
    expect(await failure(write('blank.csv', '\ufeff\r\n,,,\r\n\r\n'))).toMatchObject({
      code: 'FILE_EMPTY',
    });
  });

  it('an old .xls (or password-protected) workbook', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(4000),
    ]);
    const { code, zh } = await failure(write('old.xls', ole));
    expect(code).toBe('FILE_UNREADABLE');
    expect(zh).toContain('旧版 Excel（.xls）');
    expect(zh).toContain('另存为 .xlsx 或 CSV（UTF-8）');
  });

  it('a web page or UTF-16 text saved under an Excel name, and other binary files', async () => {
    const html =
      '<html><head><meta charset="gbk"></head><body><table><tr><td>姓名</td></tr></table></body></html>';
    expect(await failure(write('export.xls', html))).toMatchObject({
      code: 'FILE_UNREADABLE',
      zh: expect.stringContaining('网页') as string,
    });
    expect(
      await failure(write('unicode.txt', Buffer.from('\ufeff' + lines.join('\r\n'), 'utf16le'))),
    ).toMatchObject({
      code: 'FILE_UNREADABLE',
      zh: expect.stringContaining('UTF-16') as string,
    });
    expect(
      await failure(
        write(
          'photo.csv',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        ),
      ),
    ).toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });
});

describe('openTable on XLSX', () => {
  it('goes by the content whatever the name, and hashes the whole file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('数据').addRows([
      ['姓名', '金额'],
      ['测试甲', 1.5],
    ]);
    const file = path.join(dir, 'renamed.csv');
    await workbook.xlsx.writeFile(file);
    const table = await openTable(file);
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeNull();
    expect((await readAll(table)).rows).toEqual([
      { rowNumber: 1, cells: ['姓名', '金额'] },
      { rowNumber: 2, cells: ['测试甲', 1.5] },
    ]);
    expect(table.digest()).toEqual({ sha256: sha256(file), bytes: fs.statSync(file).size });
  });
});
