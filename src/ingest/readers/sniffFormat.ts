/**
 * What kind of file the first bytes say this is. Clerks rename files and systems export
 * under the wrong extension (web pages saved as ".xls" are common), so the content
 * decides, never the name.
 */
export type SniffedFormat =
  /** A zip container: an XLSX workbook, or some other zip that the XLSX reader will reject. */
  | 'zip'
  /** An OLE compound file: an old binary .xls, or an Excel workbook protected by a password. */
  | 'ole'
  /** Text with a UTF-16 byte order mark (Excel's "Unicode text"), which we do not read. */
  | 'utf16'
  /** An HTML page or XML Spreadsheet 2003, which many systems export under a ".xls" name. */
  | 'markup'
  /** NUL or many other control bytes: a binary file of some other kind. */
  | 'binary'
  | 'text';

const zip = [0x50, 0x4b, 0x03, 0x04];
const emptyZip = [0x50, 0x4b, 0x05, 0x06];
const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

function looksLikeMarkup(head: Uint8Array): boolean {
  // Only ASCII matters here; latin1 maps bytes 1:1, so any encoding's markup shows.
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1024))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf)?\s*/, '')
    .toLowerCase();
  if (!start.startsWith('<')) return false;
  return /^<(\?xml|!doctype html|html|table|head|body|meta)\b/.test(start);
}

function looksBinary(head: Uint8Array): boolean {
  // No encoding we read uses bytes below 0x20 other than tab, LF, CR (GB18030's trailing
  // bytes start at 0x30), so NUL or a few percent of control bytes mean "not text".
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)
      control += 1;
  }
  return control > head.length / 50;
}

export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (startsWith(head, zip) || startsWith(head, emptyZip)) return 'zip';
  if (startsWith(head, ole)) return 'ole';
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'utf16';
  if (looksLikeMarkup(head)) return 'markup';
  if (looksBinary(head)) return 'binary';
  return 'text';
}
