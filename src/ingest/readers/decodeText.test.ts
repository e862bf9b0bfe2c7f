import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText.js';
import type { TextEncoding } from './tableReader.js';

async function decodeAll(
  bytes: Buffer,
  size: number,
  known?: TextEncoding,
): Promise<{ text: string; encoding: TextEncoding | undefined }> {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += size) {
      await Promise.resolve();
      yield bytes.subarray(at, at + size);
    }
  }
  let encoding: TextEncoding | undefined;
  let text = '';
  for await (const part of decodeText(chunks(), known, (decided) => (encoding = decided)))
    text += part;
  return { text, encoding };
}

describe('decodeText', () => {
  const text = '姓名,金额\r\n测试甲,1.5\r\n测试乙,2\r\n';

  it('decodes across chunk boundaries that cut characters in two', async () => {
    for (const size of [1, 2, 3, 5]) {
      expect(await decodeAll(Buffer.from(text, 'utf8'), size, 'utf-8')).toEqual({
        text,
        encoding: undefined,
      });
      expect((await decodeAll(iconv.encode(text, 'gb18030'), size, 'gb18030')).text).toBe(text);
    }
  });

  it('drops the byte order mark', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect((await decodeAll(withBom, 2, 'utf-8-bom')).text).toBe(text);
    const gbBom = Buffer.concat([
      Buffer.from([0x84, 0x31, 0x95, 0x33]),
      iconv.encode(text, 'gb18030'),
    ]);
    expect((await decodeAll(gbBom, 3, 'gb18030')).text).toBe(text);
  });

  it('decides on the bytes after a long ASCII start, whichever encoding follows', async () => {
    const ascii = 'id_number,name,amount\r\n' + '431226194002020001,abc,1.00\r\n'.repeat(5000);
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    const late = ascii + text;
    const gb = await decodeAll(iconv.encode(late, 'gb18030'), 4096);
    expect(gb).toEqual({ text: late, encoding: 'gb18030' });
    const utf8 = await decodeAll(Buffer.from(late, 'utf8'), 4096);
    expect(utf8).toEqual({ text: late, encoding: 'utf-8' });
    // More than the 64 KiB window of text after the first non-ASCII byte.
    const long = ascii + text.repeat(4000);
    expect(await decodeAll(iconv.encode(long, 'gb18030'), 65536)).toEqual({
      text: long,
      encoding: 'gb18030',
    });
  });

  it('calls an all-ASCII file UTF-8', async () => {
    expect(await decodeAll(Buffer.from('a,b\r\n1,2\r\n'), 3)).toEqual({
      text: 'a,b\r\n1,2\r\n',
      encoding: 'utf-8',
    });
  });

  it('keeps reading when invalid UTF-8 turns up after the decision, marking the bad bytes', async () => {
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), iconv.encode('测试丙\r\n', 'gb18030')]);
    const { text: decoded } = await decodeAll(bytes, 7, 'utf-8');
    expect(decoded.startsWith(text)).toBe(true);
    expect(decoded).toContain('\ufffd');
    expect(decoded.endsWith('\r\n')).toBe(true);
  });
});
