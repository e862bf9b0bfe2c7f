import { describe, expect, it } from 'vitest';
import { CsvParser, csvRows } from './csvRows.js';
import type { Cell, RawRow } from './tableReader.js';

/** Parses `text` fed in pieces of `size` characters, so every chunk boundary gets tested. */
function parse(text: string, size = text.length || 1): RawRow[] {
  const parser = new CsvParser('test.csv');
  const rows: RawRow[] = [];
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size), rows);
  parser.end(rows);
  return rows;
}

/** The same rows whatever the chunk size. */
function parseEveryWay(text: string): RawRow[] {
  const whole = parse(text);
  for (const size of [1, 2, 3, 5, 8, 13]) expect(parse(text, size)).toEqual(whole);
  return whole;
}

const rowsOf = (rows: RawRow[]): [number, Cell[]][] => rows.map((r) => [r.rowNumber, r.cells]);

describe('the CSV parser', () => {
  it('reads plain comma-separated lines, empty fields as null, nothing trimmed', () => {
    expect(rowsOf(parseEveryWay('姓名,身份证号,金额\n测试甲, 431226000000000000 ,\n'))).toEqual([
      [1, ['姓名', '身份证号', '金额']],
      [2, ['测试甲', ' 431226000000000000 ', null]],
    ]);
  });

  it('accepts LF, CRLF and CR line endings, mixed, and a last line without one', () => {
    const text = 'a,b\r\nc,d\re,f\ng,h';
    expect(rowsOf(parseEveryWay(text))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
      [4, ['g', 'h']],
    ]);
  });

  it('skips blank lines and lines of commas but keeps counting them', () => {
    const text = '\n\r\na,b\r\n\r\n,,\r\n , \r\nc,d\n\n';
    expect(rowsOf(parseEveryWay(text))).toEqual([
      [3, ['a', 'b']],
      [6, [' ', ' ']],
      [7, ['c', 'd']],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks; the row number is where the record starts', () => {
    const text =
      'id,address,note\r\n' +
      '1,"锦和镇,测试村","他说""好"""\r\n' +
      '2,"第一行\r\n第二行\n第三行\r第四行",x\r\n' +
      '3,"",""""\r\n' +
      '"4",b,"c"';
    expect(rowsOf(parseEveryWay(text))).toEqual([
      [1, ['id', 'address', 'note']],
      [2, ['1', '锦和镇,测试村', '他说"好"']],
      [3, ['2', '第一行\r\n第二行\n第三行\r第四行', 'x']],
      [7, ['3', null, '"']],
      [8, ['4', 'b', 'c']],
    ]);
  });

  it('reads malformed quoting the way Excel does instead of failing', () => {
    const text = 'a,b"c,d\n"ab"cd,e\n"x" ,y\n';
    expect(rowsOf(parseEveryWay(text))).toEqual([
      [1, ['a', 'b"c', 'd']],
      [2, ['abcd', 'e']],
      [3, ['x ', 'y']],
    ]);
  });

  it('takes an opening quote that is never closed as an ordinary character, so the rest of the file still reads', () => {
    const text = 'a,b\n1,"测试甲\n2,测试乙\n3,测试丙\n';
    expect(rowsOf(parseEveryWay(text))).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '"测试甲']],
      [3, ['2', '测试乙']],
      [4, ['3', '测试丙']],
    ]);
  });

  it('gives up on a quote still open after 32,767 characters (Excel’s cell limit)', () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `${i},测试${i}`).join('\n');
    const text = `a,b\n1,"x\n${filler}\nlast,"\n`;
    const rows = parse(text, 4096);
    expect(rows).toHaveLength(5003);
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ['1', '"x'] });
    expect(rows[2]).toEqual({ rowNumber: 3, cells: ['0', '测试0'] });
    expect(rows.at(-1)).toEqual({ rowNumber: 5003, cells: ['last', '"'] });
    // A long but closed quoted field is kept.
    const long = 'y'.repeat(15_000);
    expect(parse(`1,"${long}\n${long}",2\n3,4`, 1000)).toEqual([
      { rowNumber: 1, cells: ['1', `${long}\n${long}`, '2'] },
      { rowNumber: 3, cells: ['3', '4'] },
    ]);
  });

  it('reads a tab-separated file when the header has tabs and no comma', () => {
    const text = '\r\n姓名\t金额\r\n测试甲\t1,234.50\r\n"测试\t乙"\t2\r\n';
    expect(rowsOf(parseEveryWay(text))).toEqual([
      [2, ['姓名', '金额']],
      [3, ['测试甲', '1,234.50']],
      [4, ['测试\t乙', '2']],
    ]);
  });

  it('keeps the comma when the header has both', () => {
    expect(rowsOf(parse('a\tb,c\n1\t2,3\n'))).toEqual([
      [1, ['a\tb', 'c']],
      [2, ['1\t2', '3']],
    ]);
  });

  it('ends the last field of the file, even an empty one', () => {
    expect(rowsOf(parseEveryWay('a,b,'))).toEqual([[1, ['a', 'b', null]]]);
    expect(rowsOf(parseEveryWay('a,"b"'))).toEqual([[1, ['a', 'b']]]);
    expect(parseEveryWay('')).toEqual([]);
  });

  it('refuses a line of millions of characters: that is not a table', () => {
    const parser = new CsvParser('big.csv');
    const rows: RawRow[] = [];
    const piece = 'x'.repeat(1024 * 1024);
    expect(() => {
      for (let i = 0; i < 6; i += 1) parser.push(piece, rows);
    }).toThrow(expect.objectContaining({ code: 'FILE_UNREADABLE' }) as Error);
  });
});

describe('csvRows', () => {
  async function* chunks(parts: string[]): AsyncGenerator<string> {
    await Promise.resolve();
    yield* parts;
  }

  it('batches rows, every batch full but the last', async () => {
    const lines = Array.from({ length: 23 }, (_, i) => `${i},测试${i}`);
    const text = lines.join('\r\n');
    const parts = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) =>
      text.slice(i * 7, i * 7 + 7),
    );
    const batches: RawRow[][] = [];
    for await (const batch of csvRows(chunks(parts), 'x.csv', 5)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    expect(batches.flat().map((r) => r.rowNumber)).toEqual(lines.map((_, i) => i + 1));
    expect(batches.flat()[22]?.cells).toEqual(['22', '测试22']);
  });

  it('yields nothing for a file of blank lines', async () => {
    const batches: RawRow[][] = [];
    for await (const batch of csvRows(chunks(['\r\n', '\r\n,,,\r\n']), 'x.csv', 5))
      batches.push(batch);
    expect(batches).toEqual([]);
  });
});
