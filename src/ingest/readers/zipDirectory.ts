import fs from 'node:fs/promises';

/** One entry of a zip file, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** The name's bytes, as stored. */
  rawName: Buffer;
  flags: number;
  /** 0: stored, 8: deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** The size the directory states once unzipped (a bomb may lie; readers check). */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const endOfDirectory = 0x06054b50;
const endOfDirectoryLength = 22;
const zip64Locator = 0x07064b50;
const zip64LocatorLength = 20;
const zip64EndOfDirectory = 0x06064b50;
const directoryHeader = 0x02014b50;
const maxCommentLength = 0xffff;
/** More than any workbook's directory (a few dozen entries); a larger one is not a workbook. */
const maxDirectoryBytes = 16 * 1024 * 1024;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

interface DirectoryPlace {
  offset: number;
  size: number;
  /** Where the record after the directory starts: the directory must end right there. */
  end: number;
}

async function directoryPlace(
  handle: fs.FileHandle,
  fileSize: number,
): Promise<DirectoryPlace | undefined> {
  const length = Math.min(fileSize, endOfDirectoryLength + maxCommentLength);
  const tail = await readAt(handle, fileSize - length, length);
  for (let at = tail.length - endOfDirectoryLength; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== endOfDirectory) continue;
    const recordOffset = fileSize - length + at;
    const size = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    if (offset !== 0xffffffff && size !== 0xffffffff) return { offset, size, end: recordOffset };
    // Zip64: the locator just before this record says where the real one is.
    const locatorAt = at - zip64LocatorLength;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== zip64Locator) return undefined;
    const zip64At = Number(tail.readBigUInt64LE(locatorAt + 8));
    const record = await readAt(handle, zip64At, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== zip64EndOfDirectory) return undefined;
    return {
      size: Number(record.readBigUInt64LE(40)),
      offset: Number(record.readBigUInt64LE(48)),
      end: zip64At,
    };
  }
  return undefined;
}

/** Sizes and offset that did not fit 32 bits are in the zip64 extra field, in this order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const end = at + 4 + length;
      if (entry.size === 0xffffffff && field + 8 <= end) entry.size = next();
      if (entry.compressedSize === 0xffffffff && field + 8 <= end) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff && field + 8 <= end) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * The entries of a zip file from its central directory, or undefined when the file has
 * none that adds up (truncated, damaged, data before the zip, or not a zip at all).
 */
export async function readZipDirectory(path: string): Promise<ZipEntry[] | undefined> {
  const handle = await fs.open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const place = await directoryPlace(handle, fileSize);
    if (!place || place.offset + place.size !== place.end || place.size > maxDirectoryBytes) {
      return undefined;
    }
    const directory = await readAt(handle, place.offset, place.size);
    if (directory.length !== place.size) return undefined;
    const entries: ZipEntry[] = [];
    for (let at = 0; at < directory.length;) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== directoryHeader) {
        return undefined;
      }
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const nameStart = at + 46;
      const extraStart = nameStart + nameLength;
      const next = extraStart + extraLength + commentLength;
      if (next > directory.length) return undefined;
      const rawName = Buffer.from(directory.subarray(nameStart, extraStart));
      const entry: ZipEntry = {
        name: rawName.toString('utf8'),
        rawName,
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
      };
      applyZip64(entry, directory.subarray(extraStart, extraStart + extraLength));
      if (entry.localOffset + entry.compressedSize > place.offset) return undefined;
      entries.push(entry);
      at = next;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Where an entry's data starts, from its local header (whose extra field may differ). */
export async function entryDataOffset(
  handle: fs.FileHandle,
  entry: ZipEntry,
): Promise<number | undefined> {
  const header = await readAt(handle, entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) return undefined;
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
