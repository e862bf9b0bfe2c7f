import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../test/factories/xlsxBomb.js';
import { tempDir } from '../../test/helpers/databases.js';
import { isJianduError } from '../core/errors.js';
import { chunkProducer, workerThresholdBytes } from './chunkProducers.js';
import { datasets } from './datasets/index.js';

const dir = tempDir('jiandu-producer-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading a file in a worker thread', () => {
  it('goes by what a workbook unzips to, and tells a clerk when it needs too much memory', async () => {
    // A few hundred kilobytes of file, a quarter of a gigabyte of shared strings, all of
    // which exceljs keeps in memory.
    const bytes = xlsxBomb({
      sheetBytes: 1024,
      header: ['姓名'],
      sharedStringsBytes: 250 * 1024 * 1024,
    });
    expect(bytes.length).toBeLessThan(workerThresholdBytes);
    const file = path.join(dir, 'strings.xlsx');
    fs.writeFileSync(file, bytes);
    const error: unknown = await chunkProducer(
      { kind: 'file', path: file, label: '字符串.xlsx' },
      {
        definition: datasets.disbursements,
        fileLabel: '字符串.xlsx',
        source: '县民政局',
        today: '2024-06-30',
        dialect: 'sqlite',
        mapping: {},
      },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isJianduError(error) && error.code).toBe('FILE_TOO_LARGE');
    expect(isJianduError(error) && error.text('zh')).toBe(
      '文件 字符串.xlsx 过大：内容过多，读取时超出了导入可用的内存；请拆分成几个文件再导入',
    );
  }, 60_000);
});
