import fs from 'node:fs';
import zlib from 'node:zlib';
import { entryDataOffset, type ZipEntry } from './zipDirectory.js';

/**
 * The most a workbook's parts (worksheets, shared strings, styles) may unzip to: room for
 * Excel's largest sheet (a million rows) of a template's width. A file that states more is
 * a decompression bomb, or nothing a clerk would import.
 */
export const maxWorkbookBytes = 1024 * 1024 * 1024;

const relationships = 'xl/_rels/workbook.xml.rels';
const sharedStrings = 'xl/sharedStrings.xml';
/** The parts exceljs needs before any worksheet, in this order. */
const leadingParts = [relationships, 'xl/workbook.xml', 'xl/styles.xml', sharedStrings];
const worksheet = /^xl\/worksheets\/sheet\d+\.xml$/;

/** A part that the file lacks and exceljs needs, made up empty. */
interface MadeUpPart {
  name: string;
  content: Buffer;
}

export interface WorkbookPlan {
  /** What exceljs is given, in order: the workbook's parts, then its worksheets. */
  parts: readonly (ZipEntry | MadeUpPart)[];
  /** Whether the file has a shared strings part (one is made up when it has not). */
  hasSharedStrings: boolean;
  /** What the parts unzip to, as the file states it (checked while reading). */
  bytes: number;
}

const emptyRelationships: MadeUpPart = {
  name: relationships,
  content: Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  ),
};
const emptySharedStrings: MadeUpPart = {
  name: sharedStrings,
  content: Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  ),
};

/**
 * Which entries of a workbook's zip exceljs reads, and in which order.
 *
 * exceljs's streaming reader writes every worksheet that comes before the shared strings or
 * the workbook's relationships (as in Excel's own files) to a temporary file, unzipped,
 * to read it once those have come: a clerk's data in the system's temporary folder, left
 * there when the process is killed, and a bomb's gigabytes on disk. Given the parts in
 * this order, with an empty one made up for a part the file lacks, it never does; and
 * what it never reads (pictures, themes, printer settings) is never unzipped.
 */
export function planWorkbook(entries: readonly ZipEntry[]): WorkbookPlan {
  const parts: (ZipEntry | MadeUpPart)[] = [];
  const has = (name: string): boolean => entries.some((entry) => entry.name === name);
  if (!has(relationships)) parts.push(emptyRelationships);
  for (const name of leadingParts) parts.push(...entries.filter((entry) => entry.name === name));
  const hasSharedStrings = has(sharedStrings);
  if (!hasSharedStrings) parts.push(emptySharedStrings);
  parts.push(...entries.filter((entry) => worksheet.test(entry.name)));
  const bytes = parts.reduce((sum, part) => sum + ('size' in part ? part.size : 0), 0);
  return { parts, hasSharedStrings, bytes };
}

/** Size of the padding entry: more than everything unzipper buffers ahead of its reader. */
export const paddingSize = 1024 * 1024;
/** CRC-32 of `paddingSize` zero bytes (unzipper does not check it, but a zip has one). */
export const paddingCrc = 0xa738ea1c;

/** The local header of a stored (uncompressed) entry. */
function storedHeader(name: Buffer, size: number, crc: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // the name is UTF-8
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

let padding: Buffer | undefined;

/**
 * A stored entry of `paddingSize` zeros, last.
 *
 * Why: unzipper 0.10 announces the end of its stream of entries as soon as it has parsed
 * the end of the zip, even while entries it parsed ahead are still waiting to be read;
 * exceljs stops at that announcement and silently loses them (exceljs issues #2790,
 * #3064): the last worksheet, or a small workbook's shared strings. Unzipper cannot parse
 * past an entry that nobody reads and that is larger than its buffers, so with the padding
 * last, exceljs has received every real entry before the end is announced.
 */
function paddingEntry(): Buffer {
  padding ??= Buffer.concat([
    storedHeader(Buffer.from('jiandu/padding.bin'), paddingSize, paddingCrc),
    Buffer.alloc(paddingSize),
  ]);
  return padding;
}

/** An end-of-directory record (of no entries): where unzipper stops. */
const endRecord = (): Buffer => {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
};

/**
 * The size of the pieces exceljs parses: it turns a whole piece into rows before handing
 * out the first, and a row of a few bytes can stand for a thousand cells.
 */
const pieceBytes = 16 * 1024;

/** An entry's bytes unzipped, as they are read: never a whole entry in memory. */
async function* unzipped(path: string, start: number, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) {
    if (entry.method === 8) throw new Error(`${entry.name} has no compressed data`);
    return;
  }
  const source = fs.createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 1024 * 1024,
  });
  if (entry.method === 0) {
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length; at += pieceBytes) {
          yield chunk.subarray(at, at + pieceBytes);
        }
      }
    } finally {
      source.destroy();
    }
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: pieceBytes });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    yield* inflater as AsyncIterable<Buffer>;
  } finally {
    source.destroy();
    inflater.destroy();
  }
}

/**
 * The workbook's parts as a zip of stored entries in the plan's order, for exceljs: each
 * part is unzipped here as it streams through, and must unzip to exactly the size the
 * file's directory states (a bomb that understates it is refused as soon as it exceeds
 * it), so the plan's total is what is read. Errors are plain: the caller reports them.
 */
export async function* workbookStream(path: string, plan: WorkbookPlan): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    for (const part of plan.parts) {
      if (!('size' in part)) {
        yield storedHeader(Buffer.from(part.name), part.content.length, zlib.crc32(part.content));
        yield part.content;
        continue;
      }
      if (part.flags & 1) throw new Error(`${part.name} is encrypted`);
      if (part.method !== 0 && part.method !== 8) {
        throw new Error(`${part.name} uses compression method ${part.method}`);
      }
      if (part.method === 0 && part.compressedSize !== part.size) {
        throw new Error(`${part.name} is stored with two different sizes`);
      }
      const start = await entryDataOffset(handle, part);
      if (start === undefined) throw new Error(`${part.name} has no local header`);
      yield storedHeader(part.rawName, part.size, part.crc);
      let produced = 0;
      for await (const chunk of unzipped(path, start, part)) {
        produced += chunk.length;
        if (produced > part.size) {
          throw new Error(`${part.name} unzips to more than the ${part.size} bytes stated`);
        }
        yield chunk;
      }
      if (produced !== part.size) {
        throw new Error(`${part.name} unzips to ${produced} bytes, not the ${part.size} stated`);
      }
    }
    yield paddingEntry();
    yield endRecord();
  } finally {
    await handle.close();
  }
}
