import { isAscii, isUtf8 } from 'node:buffer';
import type { TextEncoding } from './tableReader.js';

/** How many bytes of text, from the first non-ASCII byte on, decide the encoding. */
export const sniffWindow = 64 * 1024;
/** Fewer non-ASCII-led bytes than this, with more of the file to come, decide nothing. */
const minimumSample = 4 * 1024;

const utf8Bom = [0xef, 0xbb, 0xbf] as const;
const gb18030Bom = [0x84, 0x31, 0x95, 0x33] as const;

/** Length of a UTF-8 or GB18030 byte order mark at the start of `bytes`, or 0. */
export function byteOrderMarkLength(bytes: Uint8Array): number {
  if (utf8Bom.every((byte, i) => bytes[i] === byte)) return utf8Bom.length;
  if (gb18030Bom.every((byte, i) => bytes[i] === byte)) return gb18030Bom.length;
  return 0;
}

/** Where the first byte above 0x7F is, or -1. */
export function firstNonAscii(bytes: Uint8Array): number {
  if (isAscii(bytes)) return -1;
  return bytes.findIndex((byte) => byte > 0x7f);
}

/** `bytes` without a multi-byte UTF-8 sequence that the end of the sample has cut short. */
function withoutCutSequence(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i -= 1) {
    const byte = bytes[i]!;
    if (byte < 0x80) return bytes;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return bytes.length - i < length ? bytes.subarray(0, i) : bytes;
    }
  }
  return bytes;
}

/** True when some character needs 3 or more bytes in UTF-8 (U+0800 and above: all of CJK). */
function hasWideCharacters(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0xe0) return true;
  return false;
}

/**
 * The encoding of CSV text, from a sample of it. Returns undefined while the sample is
 * plain ASCII, which reads the same in every encoding we accept, or has less than 4 KiB
 * from its first non-ASCII byte on: the caller then keeps reading and decides on a sample
 * that starts at the first non-ASCII byte.
 *
 * Valid UTF-8 is UTF-8, with one exception: text whose only non-ASCII characters are
 * 2-byte UTF-8 sequences (Latin accents, Greek, Cyrillic, no CJK at all) is far more
 * likely, in files from Chinese offices, to be a few GB18030 characters that happen to
 * form valid UTF-8 (学校 is D1 A7 D0 A3 in GBK: two valid 2-byte sequences). Anything
 * else is GB18030, which covers GB2312 and GBK.
 *
 * @param complete the sample is the whole rest of the file, so a multi-byte sequence cut
 *   at its end is an error, not an artefact of sampling.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding | undefined {
  const bom = byteOrderMarkLength(sample);
  if (bom === utf8Bom.length) return 'utf-8-bom';
  if (bom === gb18030Bom.length) return 'gb18030';
  const start = firstNonAscii(sample);
  if (start === -1) return complete ? 'utf-8' : undefined;
  const text = sample.subarray(start);
  // A handful of bytes cut off by the end of the sample says little; the caller reads on.
  if (!complete && text.length < minimumSample) return undefined;
  const checked = complete ? text : withoutCutSequence(text);
  if (!isUtf8(checked)) return 'gb18030';
  return hasWideCharacters(checked) ? 'utf-8' : 'gb18030';
}
