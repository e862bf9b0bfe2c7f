import fs from 'node:fs/promises';

const endOfDirectory = 0x06054b50;
const endOfDirectoryLength = 22;
const maxCommentLength = 0xffff;

/**
 * Where the entries of a zip file end and its central directory begins, from the
 * end-of-central-directory record; undefined when there is none or it does not add up
 * (a truncated or damaged file, or zip64, which no spreadsheet needs).
 */
export async function centralDirectoryOffset(path: string): Promise<number | undefined> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, endOfDirectoryLength + maxCommentLength);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    for (let at = length - endOfDirectoryLength; at >= 0; at -= 1) {
      if (tail.readUInt32LE(at) !== endOfDirectory) continue;
      const directorySize = tail.readUInt32LE(at + 12);
      const directoryOffset = tail.readUInt32LE(at + 16);
      const recordOffset = size - length + at;
      return directoryOffset + directorySize === recordOffset ? directoryOffset : undefined;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Size of the padding entry: more than everything unzipper buffers ahead of its reader. */
export const paddingSize = 1024 * 1024;
/** CRC-32 of `paddingSize` zero bytes (unzipper does not check it, but a zip has one). */
export const paddingCrc = 0xa738ea1c;

/** A stored zip entry of `paddingSize` zeros. */
function paddingEntry(): Buffer {
  const name = Buffer.from('jiandu/padding.bin');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(paddingCrc, 14);
  header.writeUInt32LE(paddingSize, 18);
  header.writeUInt32LE(paddingSize, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, Buffer.alloc(paddingSize)]);
}

let padding: Buffer | undefined;

/**
 * The bytes of a zip with one large padding entry inserted before its central directory
 * (at `offset`), for exceljs's streaming reader.
 *
 * Why: unzipper 0.10 announces the end of its stream of entries as soon as it has parsed
 * the end of the zip, even while entries it parsed ahead are still waiting to be read;
 * exceljs stops at that announcement and silently loses them (exceljs issues #2790,
 * #3064). For a small workbook laid out as Excel lays it out — worksheets first, then
 * styles and shared strings — the lost entries are the shared strings: every text cell
 * would come out empty. Unzipper cannot parse past an entry that nobody reads and that is
 * larger than its buffers, so with the padding last, exceljs has received every real entry
 * before the end is announced. The central directory is not checked against the entries,
 * so the file still reads as a valid zip.
 */
export async function* padZipEntries(
  chunks: AsyncIterable<Buffer>,
  offset: number,
): AsyncGenerator<Buffer> {
  let position = 0;
  let inserted = false;
  for await (const chunk of chunks) {
    const end = position + chunk.length;
    if (!inserted && offset >= position && offset < end) {
      const cut = offset - position;
      if (cut > 0) yield chunk.subarray(0, cut);
      yield (padding ??= paddingEntry());
      inserted = true;
      yield chunk.subarray(cut);
    } else {
      yield chunk;
    }
    position = end;
  }
}
