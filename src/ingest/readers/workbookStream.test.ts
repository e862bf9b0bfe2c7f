import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../../test/factories/crc32.js';
import { xlsxBomb } from '../../../test/factories/xlsxBomb.js';
import { zipOf } from '../../../test/factories/zipOf.js';
import { isJianduError } from '../../core/errors.js';
import { openTable } from './openTable.js';
import type { RawRow } from './tableReader.js';
import { maxWorkbookBytes, paddingCrc, paddingSize } from './workbookStream.js';
import { readZipDirectory } from './zipDirectory.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-bomb-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let count = 0;
function write(bytes: Buffer): string {
  const file = path.join(dir, `w${(count += 1)}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

async function readAll(file: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of (await openTable(file, '上传的.xlsx')).batches()) rows.push(...batch);
  return rows;
}

async function failure(work: Promise<unknown>): Promise<{ code: string; zh: string }> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJianduError(error)) throw new Error(`expected a JianduError, got ${String(error)}`);
  return { code: error.code, zh: error.text('zh') };
}

describe('XLSX decompression bombs', () => {
  it('refuses a workbook that states it unzips to more than the cap, before unzipping any', async () => {
    const file = write(xlsxBomb({ sheetBytes: maxWorkbookBytes + 1 }));
    expect(fs.statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    const { code, zh } = await failure(openTable(file, '上传的.xlsx'));
    expect(code).toBe('FILE_TOO_LARGE');
    expect(zh).toBe(
      '文件 上传的.xlsx 过大：解压后超过 1024 MB，不像是正常的表格；请检查文件，或拆分成几个文件再导入',
    );
  });

  it('refuses one that understates it, as soon as an entry unzips to more than it said', async () => {
    const file = write(
      xlsxBomb({ sheetBytes: 512 * 1024 * 1024, declaredSheetBytes: 64 * 1024, header: ['姓名'] }),
    );
    const table = await openTable(file, '上传的.xlsx');
    expect(table.contentBytes).toBeLessThan(100 * 1024);
    const { code, zh } = await failure(readAll(file));
    expect(code).toBe('FILE_UNREADABLE');
    expect(zh).toContain('文件 上传的.xlsx');
    expect(zh).toContain('Excel 文件已损坏');
  });

  it('refuses one that unzips to less than it said, without waiting for the rest', async () => {
    const file = write(
      xlsxBomb({ sheetBytes: 1024 * 1024, declaredSheetBytes: 4 * 1024 * 1024, header: ['姓名'] }),
    );
    expect(await failure(readAll(file))).toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('refuses a row with a cell far to the right, naming the cell, before the rows pile up', async () => {
    const file = write(
      xlsxBomb({ sheetBytes: 64 * 1024, unit: '<row r="2"><c r="XFD2"><v>1</v></c></row>' }),
    );
    const { code, zh } = await failure(readAll(file));
    expect(code).toBe('FILE_UNREADABLE');
    expect(zh).toContain('第 2 行的 XFD2 格有内容，表格超过 1000 列');
  });

  it('refuses rows beyond Excel’s last', async () => {
    const file = write(
      xlsxBomb({ sheetBytes: 1024, unit: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }),
    );
    expect((await failure(readAll(file))).zh).toContain('超过 Excel 的最大行数');
  });

  it('hands out wide rows in smaller batches', async () => {
    const file = write(
      xlsxBomb({ sheetBytes: 2 * 1024 * 1024, unit: '<row r="2"><c r="ALL2"><v>1</v></c></row>' }),
    );
    const table = await openTable(file);
    for await (const batch of table.batches(5000)) {
      expect(batch.length).toBeLessThanOrEqual(200);
      expect(batch[0]!.cells).toHaveLength(1000);
      break;
    }
  });
});

describe('reading a workbook in Excel’s order', () => {
  const spooled = (): string[] =>
    fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

  it('writes nothing to the system’s temporary folder, even with worksheets first', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    for (let i = 0; i < 3000; i += 1)
      sheet.addRow([`测试${i}`, `431226${String(i).padStart(12, '0')}`]);
    const parts = await zipParts(Buffer.from(await workbook.xlsx.writeBuffer()));
    const sheetsFirst = Object.fromEntries(
      Object.entries(parts).sort(([a], [b]) => rank(a) - rank(b)),
    );
    expect(Object.keys(sheetsFirst).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(
      Object.keys(sheetsFirst).indexOf('xl/sharedStrings.xml'),
    );
    const file = write(zipOf(sheetsFirst));
    const before = spooled();
    const table = await openTable(file);
    let rows = 0;
    for await (const batch of table.batches(500)) {
      expect(spooled()).toEqual(before);
      rows += batch.length;
    }
    expect(rows).toBe(3000);
  });
});

/** Worksheets first, as Excel writes them; then the rest. */
function rank(name: string): number {
  return name.startsWith('xl/worksheets/') ? 0 : 1;
}

/** The entries of a zip, by name, read with the directory reader under test. */
async function zipParts(bytes: Buffer): Promise<Record<string, Buffer>> {
  const file = write(bytes);
  const entries = (await readZipDirectory(file))!;
  const zlib = await import('node:zlib');
  const parts: Record<string, Buffer> = {};
  for (const entry of entries) {
    const nameLength = bytes.readUInt16LE(entry.localOffset + 26);
    const extraLength = bytes.readUInt16LE(entry.localOffset + 28);
    const start = entry.localOffset + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + entry.compressedSize);
    parts[entry.name] = entry.method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
  }
  return parts;
}

/** The same zip with its directory in zip64 form: sizes and offsets in extra fields. */
function asZip64(zip: Buffer): Buffer {
  const endAt = zip.length - 22;
  const directoryOffset = zip.readUInt32LE(endAt + 16);
  const entries = zip.readUInt16LE(endAt + 10);
  const centrals: Buffer[] = [];
  for (let at = directoryOffset, i = 0; i < entries; i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const fixed = Buffer.from(zip.subarray(at, at + 46));
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(fixed.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(fixed.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(fixed.readUInt32LE(42)), 20);
    fixed.writeUInt32LE(0xffffffff, 20);
    fixed.writeUInt32LE(0xffffffff, 24);
    fixed.writeUInt32LE(0xffffffff, 42);
    fixed.writeUInt16LE(extra.length, 30);
    centrals.push(fixed, name, extra);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  const directory = Buffer.concat(centrals);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, directoryOffset), directory, record, locator, end]);
}

describe('the zip directory', () => {
  it('is read in the classic form and in zip64 form alike', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('数据').addRows([
      ['姓名', '金额'],
      ['测试甲', 1.5],
    ]);
    const classic = Buffer.from(await workbook.xlsx.writeBuffer());
    const expected = [
      { rowNumber: 1, cells: ['姓名', '金额'] },
      { rowNumber: 2, cells: ['测试甲', 1.5] },
    ];
    expect(await readAll(write(classic))).toEqual(expected);
    const zip64 = asZip64(classic);
    const entries = await readZipDirectory(write(zip64));
    expect(entries?.map((e) => [e.name, e.size])).toEqual(
      (await readZipDirectory(write(classic)))?.map((e) => [e.name, e.size]),
    );
    expect(await readAll(write(zip64))).toEqual(expected);
  });

  it('is missing from a truncated file', async () => {
    const zip = zipOf({ 'a.xml': '<a/>', 'b.xml': '<b>测试</b>' });
    expect(await readZipDirectory(write(zip))).toHaveLength(2);
    expect(await readZipDirectory(write(zip.subarray(0, zip.length - 5)))).toBeUndefined();
  });

  it('ends in a padding entry whose checksum is right for its zeros', () => {
    expect(crc32(Buffer.alloc(paddingSize))).toBe(paddingCrc);
  });
});
