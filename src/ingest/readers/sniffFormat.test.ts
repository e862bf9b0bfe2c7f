import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniffFormat.js';

describe('sniffFormat', () => {
  it('tells files apart by their first bytes', () => {
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('zip');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(
      'ole',
    );
    expect(sniffFormat(Buffer.from('\ufeff姓名\t金额', 'utf16le'))).toBe('utf16');
    expect(
      sniffFormat(Buffer.from('\ufeff<html><body><table><tr><td>姓名</td></tr></table>')),
    ).toBe('markup');
    expect(
      sniffFormat(
        Buffer.from(
          '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
        ),
      ),
    ).toBe('markup');
    expect(sniffFormat(Buffer.from('%PDF-1.7\n\x00\x01\x02binary'))).toBe('binary');
    expect(sniffFormat(Buffer.from('\ufeff姓名,金额\r\n测试甲,1\r\n'))).toBe('text');
    expect(sniffFormat(iconv.encode('姓名,金额\r\n测试甲,1\r\n', 'gb18030'))).toBe('text');
    expect(sniffFormat(Buffer.from('<备注>,金额\r\n'))).toBe('text');
  });
});
