import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { centralDirectoryOffset, padZipEntries, paddingCrc, paddingSize } from './padZipEntries.js';
import { zipOf } from './zipOf.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiandu-pad-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield bytes.subarray(at, at + size);
  }
}

describe('padZipEntries', () => {
  const zip = zipOf({ 'a.xml': '<a/>', 'b.xml': '<b>测试</b>' });
  const file = path.join(dir, 'two.zip');
  fs.writeFileSync(file, zip);

  it('finds where the entries end', async () => {
    const offset = await centralDirectoryOffset(file);
    expect(offset).toBe(zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    fs.writeFileSync(path.join(dir, 'cut.zip'), zip.subarray(0, zip.length - 5));
    expect(await centralDirectoryOffset(path.join(dir, 'cut.zip'))).toBeUndefined();
  });

  it('inserts one padding entry right there, whatever the chunk boundaries', async () => {
    const offset = (await centralDirectoryOffset(file))!;
    for (const size of [1, 7, 64, zip.length]) {
      const out: Buffer[] = [];
      for await (const chunk of padZipEntries(pieces(zip, size), offset)) out.push(chunk);
      const padded = Buffer.concat(out);
      expect(padded.length).toBe(zip.length + 30 + 'jiandu/padding.bin'.length + paddingSize);
      expect(padded.subarray(0, offset)).toEqual(zip.subarray(0, offset));
      expect(padded.readUInt32LE(offset)).toBe(0x04034b50);
      expect(padded.subarray(padded.length - (zip.length - offset))).toEqual(zip.subarray(offset));
    }
  });

  it('has the right checksum for its zeros', () => {
    expect(crc32(Buffer.alloc(paddingSize))).toBe(paddingCrc);
  });
});
