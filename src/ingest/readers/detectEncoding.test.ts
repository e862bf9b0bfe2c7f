import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detectEncoding.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const gb = (text: string): Buffer => iconv.encode(text, 'gb18030');

describe('detectEncoding', () => {
  it('goes by the byte order mark first', () => {
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('姓名')]), true),
    ).toBe('utf-8-bom');
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gb('姓名')]), true),
    ).toBe('gb18030');
  });

  it('takes valid UTF-8 for UTF-8 and anything else for GB18030', () => {
    const header = '身份证号,姓名,村（社区）代码\r\n431226194002020001,测试甲,431226101001\r\n';
    expect(detectEncoding(utf8(header), true)).toBe('utf-8');
    expect(detectEncoding(gb(header), true)).toBe('gb18030');
  });

  it('does not take a character cut at the end of the sample for invalid UTF-8', () => {
    const sample = utf8('姓名,测试甲\r\n'.repeat(500) + '测试甲');
    expect(detectEncoding(sample.subarray(0, sample.length - 1), false)).toBe('utf-8');
    expect(detectEncoding(sample.subarray(0, sample.length - 2), false)).toBe('utf-8');
    // At the real end of the file a cut character is an error: not UTF-8.
    expect(detectEncoding(sample.subarray(0, sample.length - 1), true)).toBe('gb18030');
  });

  it('waits for more than a few bytes after the first non-ASCII one', () => {
    const ascii = 'a,b\r\n'.repeat(1000);
    expect(detectEncoding(Buffer.concat([utf8(ascii), gb('学校')]), false)).toBeUndefined();
    expect(detectEncoding(Buffer.concat([utf8(ascii), gb('学校')]), true)).toBe('gb18030');
  });

  it('leaves plain ASCII undecided until the end of the file, then calls it UTF-8', () => {
    expect(detectEncoding(utf8('id_number,name\r\n1,2\r\n'), false)).toBeUndefined();
    expect(detectEncoding(utf8('id_number,name\r\n1,2\r\n'), true)).toBe('utf-8');
  });

  it('reads a few GB18030 characters that happen to be valid UTF-8 (like "学校") as GB18030', () => {
    const bytes = gb('学校');
    expect(bytes.toString('utf8')).not.toContain('\ufffd');
    expect(detectEncoding(bytes, true)).toBe('gb18030');
    // Real UTF-8 Chinese always has 3-byte characters.
    expect(detectEncoding(utf8('学校'), true)).toBe('utf-8');
  });
});
