import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { JianduError, isJianduError } from '../../core/errors.js';
import { csvRows } from './csvRows.js';
import { decodeText } from './decodeText.js';
import { byteOrderMarkLength, detectEncoding, sniffWindow } from './detectEncoding.js';
import { fileError } from './fileError.js';
import { readHashed, type FileDigest } from './readHashed.js';
import { sniffFormat, type SniffedFormat } from './sniffFormat.js';
import {
  defaultBatchSize,
  type FileFormat,
  type RawRow,
  type TableSource,
  type TextEncoding,
} from './tableReader.js';
import {
  maxWorkbookBytes,
  planWorkbook,
  workbookStream,
  type WorkbookPlan,
} from './workbookStream.js';
import { InputFailure, xlsxRows } from './xlsxRows.js';
import { readZipDirectory } from './zipDirectory.js';

const saveAs = '请在 Excel 中打开，另存为 .xlsx 或 CSV（UTF-8）后再导入';

const refusals: Readonly<
  Record<Exclude<SniffedFormat, 'zip' | 'text'>, { zh: string; en: string }>
> = {
  ole: {
    zh: `这是旧版 Excel（.xls）文件或设置了打开密码的 Excel 文件，${saveAs}（有密码的请先取消密码）`,
    en: 'old binary Excel (.xls) or a password-protected workbook; save it as .xlsx or CSV',
  },
  utf16: {
    zh: `这是 UTF-16 编码的文本（Excel 的“Unicode 文本”），${saveAs}`,
    en: 'UTF-16 text (Excel "Unicode Text"); save it as .xlsx or CSV',
  },
  markup: {
    zh: `这是网页（HTML）或 XML 格式的表格，只是扩展名像 Excel，${saveAs}`,
    en: 'an HTML page or XML spreadsheet, not a real Excel file; save it as .xlsx or CSV',
  },
  binary: {
    zh: `这不是 CSV 或 Excel（.xlsx）文件，${saveAs}`,
    en: 'neither CSV text nor an .xlsx workbook',
  },
};

const corruptWorkbook = (reason: string): { zh: string; en: string } => ({
  zh: 'Excel 文件已损坏、不完整或不是 .xlsx 工作簿，请在 Excel 中打开确认后另存为 .xlsx 或 CSV（UTF-8）再导入',
  en: `corrupt, truncated or not an .xlsx workbook (${reason})`,
});

interface Head {
  bytes: Buffer;
  size: number;
}

async function readHead(path: string, label: string): Promise<Head> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const buffer = Buffer.alloc(Math.min(sniffWindow, stat.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: stat.size };
  } catch (error) {
    throw fileError(label, error) ?? error;
  } finally {
    await handle?.close();
  }
}

/** Only a byte order mark, line breaks, spaces, tabs and commas: nothing a clerk typed. */
function blank(bytes: Uint8Array): boolean {
  return bytes
    .subarray(byteOrderMarkLength(bytes))
    .every(
      (byte) => byte === 0x0d || byte === 0x0a || byte === 0x20 || byte === 0x09 || byte === 0x2c,
    );
}

/** `label` names the file in messages: an upload's own path would mean nothing to a clerk. */
function failure(label: string, format: FileFormat, error: unknown): unknown {
  if (isJianduError(error)) return error;
  const system = fileError(label, error);
  if (system) return system;
  if (format === 'xlsx') {
    const reason = error instanceof Error ? error.message : String(error);
    return new JianduError(
      'FILE_UNREADABLE',
      { path: label, detail: corruptWorkbook(reason) },
      { cause: error },
    );
  }
  return error;
}

async function* reported(
  label: string,
  format: FileFormat,
  rows: AsyncGenerator<RawRow[]>,
): AsyncGenerator<RawRow[]> {
  try {
    yield* rows;
  } catch (error) {
    throw failure(label, format, error);
  }
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
}

function digestOf(digest: FileDigest | undefined): FileDigest {
  if (!digest) throw new Error('digest() is known only once batches() has been read to the end');
  return digest;
}

function csvTable(
  path: string,
  label: string,
  size: number,
  sniffed: TextEncoding | undefined,
): TableSource {
  let encoding: TextEncoding = sniffed ?? 'utf-8';
  let digest: FileDigest | undefined;
  const progress = { bytes: 0 };
  return {
    format: 'csv',
    contentBytes: size,
    get encoding(): TextEncoding {
      return encoding;
    },
    batches(batchSize = defaultBatchSize): AsyncIterable<RawRow[]> {
      checkBatchSize(batchSize);
      digest = undefined;
      progress.bytes = 0;
      const bytes = readHashed(path, (result) => (digest = result), progress);
      const text = decodeText(bytes, sniffed, (decided) => (encoding = decided));
      return reported(label, 'csv', csvRows(text, label, batchSize));
    },
    digest: () => digestOf(digest),
    bytesRead: () => progress.bytes,
  };
}

function xlsxTable(path: string, label: string, plan: WorkbookPlan): TableSource {
  let digest: FileDigest | undefined;
  // Progress is counted in the unzipped bytes handed to the reader, of contentBytes.
  let unzipped = 0;
  async function* rows(batchSize: number): AsyncGenerator<RawRow[]> {
    unzipped = 0;
    // exceljs reads a stream and would never hear of its failure (a bomb found out, a
    // read error): the stream just ends, the reader is told, and the failure is reported
    // rather than what exceljs makes of a zip cut short.
    let failed: { error: unknown } | undefined;
    const failure = new InputFailure();
    async function* guarded(): AsyncGenerator<Buffer> {
      try {
        for await (const chunk of workbookStream(path, plan)) {
          unzipped += chunk.length;
          yield chunk;
        }
      } catch (error) {
        failed = { error };
        failure.fail(error);
      }
    }
    const bytes = Readable.from(guarded(), { objectMode: false });
    try {
      yield* xlsxRows(bytes, batchSize, {
        label,
        hasSharedStrings: plan.hasSharedStrings,
        failure,
      });
    } catch (error) {
      throw failed ? failed.error : error;
    } finally {
      bytes.destroy();
    }
    if (failed) throw failed.error;
    // The parts were read out of order; the digest is of the file as it came, start to end.
    for await (const _chunk of readHashed(path, (result) => (digest = result))) {
      // hashed by readHashed on the way
    }
  }
  return {
    format: 'xlsx',
    encoding: null,
    contentBytes: plan.bytes,
    batches(batchSize = defaultBatchSize): AsyncIterable<RawRow[]> {
      checkBatchSize(batchSize);
      digest = undefined;
      return reported(label, 'xlsx', rows(batchSize));
    },
    digest: () => digestOf(digest),
    bytesRead: () => Math.min(unzipped, plan.bytes),
  };
}

async function openWorkbook(path: string, label: string): Promise<TableSource> {
  const entries = await readZipDirectory(path).catch((error: unknown) => {
    throw fileError(label, error) ?? error;
  });
  if (!entries) {
    throw new JianduError('FILE_UNREADABLE', {
      path: label,
      detail: corruptWorkbook('no central directory'),
    });
  }
  const plan = planWorkbook(entries);
  if (plan.bytes > maxWorkbookBytes) {
    const limit = `${maxWorkbookBytes / 1024 / 1024} MB`;
    throw new JianduError('FILE_TOO_LARGE', {
      path: label,
      detail: {
        zh: `解压后超过 ${limit}，不像是正常的表格；请检查文件，或拆分成几个文件再导入`,
        en: `it unzips to more than ${limit}, which no ordinary table does; check it, or split it into several files`,
      },
    });
  }
  return xlsxTable(path, label, plan);
}

/**
 * Opens a CSV or XLSX file for import: decides the format from the content and, for CSV,
 * the encoding (see detectEncoding). Only the first 64 KiB (and, for a zip, its directory)
 * are read here; batches() streams the file, and reads it again from the start if called
 * again. Errors name the file `label` (by default its path).
 *
 * Throws FILE_NOT_FOUND, FILE_EMPTY, or FILE_UNREADABLE for a folder, an unreadable file,
 * an old .xls or password-protected workbook, UTF-16 text, an HTML/XML "Excel" file,
 * another binary file or a zip without a directory; FILE_TOO_LARGE for a workbook that
 * would unzip to more than maxWorkbookBytes. An otherwise corrupt .xlsx is reported by
 * batches(), as FILE_UNREADABLE.
 */
export async function openTable(path: string, label: string = path): Promise<TableSource> {
  const head = await readHead(path, label);
  const complete = head.bytes.length === head.size;
  if (head.size === 0 || (complete && blank(head.bytes))) {
    throw new JianduError('FILE_EMPTY', { path: label });
  }
  const format = sniffFormat(head.bytes);
  switch (format) {
    case 'zip':
      return openWorkbook(path, label);
    case 'text':
      return csvTable(path, label, head.size, detectEncoding(head.bytes, complete));
    case 'ole':
    case 'utf16':
    case 'markup':
    case 'binary':
      throw new JianduError('FILE_UNREADABLE', { path: label, detail: refusals[format] });
  }
}
