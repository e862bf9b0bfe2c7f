import { describe, expect, it } from 'vitest';
import {
  bar,
  displayWidth,
  formatDuration,
  importProgressText,
  ProgressLine,
  scanProgressText,
  type ProgressStream,
} from './progressBar.js';

/** A terminal (or not) that records what is written to it, with a clock the test moves. */
function fakeStream(isTTY: boolean, columns = 100): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

describe('the progress line', () => {
  it('draws an import’s rows, rate and time left from the bytes read, in place', () => {
    let now = 0;
    const stream = fakeStream(true);
    const line = ProgressLine.open(stream, { enabled: true, now: () => now })!;
    const text = importProgressText(
      { rowsRead: 250_000, accepted: 249_000, quarantined: 1_000, bytesRead: 25, totalBytes: 100 },
      10_000,
      'zh',
    );
    expect(text).toBe(`导入中  ${bar(0.25)} 25%  250,000 行  25,000 行/秒  剩余约 0:30`);
    line.show(text);
    now = 50;
    line.show('too soon');
    now = 150;
    line.show('later');
    line.done();
    expect(stream.written).toEqual([`\r${text}\u001b[K`, '\rlater\u001b[K', '\r\u001b[K']);
  });

  it('draws a scan’s rules done of the total and the ones running', () => {
    expect(
      scanProgressText({ rule: 'R05', done: 4, total: 16, running: ['R05', 'R06'] }, 'zh'),
    ).toBe(`比对中  ${bar(0.25)}  4/16 条规则  正在运行 R05、R06`);
    expect(scanProgressText({ rule: 'R16', done: 16, total: 16, running: [] }, 'en')).toBe(
      `scanning  ${bar(1)}  16/16 rules  settling warnings`,
    );
  });

  it('writes nothing at all when standard error is not a terminal, or with --json', () => {
    const pipe = fakeStream(false);
    expect(ProgressLine.open(pipe, { enabled: true })).toBeNull();
    const terminal = fakeStream(true);
    expect(ProgressLine.open(terminal, { enabled: false })).toBeNull();
    expect(pipe.written).toEqual([]);
    expect(terminal.written).toEqual([]);
  });

  it('fits a narrow terminal, counting Chinese characters as two columns', () => {
    const stream = fakeStream(true, 30);
    const line = ProgressLine.open(stream, { enabled: true, now: () => 0 })!;
    line.show(importProgressText({ rowsRead: 5, accepted: 5, quarantined: 0 }, 0, 'zh'), true);
    line.show('导入中'.repeat(20), true);
    const clear = '\u001b[K';
    const written = stream.written[1]!;
    expect(written.startsWith('\r') && written.endsWith(clear)).toBe(true);
    const drawn = written.slice(1, -clear.length);
    expect(displayWidth(drawn)).toBeLessThanOrEqual(29);
    expect(drawn.endsWith('…')).toBe(true);
    expect(stream.written[0]).toBe('\r导入中  5 行\u001b[K');
  });

  it('writes durations as minutes and seconds, or hours', () => {
    expect([0, 59, 75, 3725].map(formatDuration)).toEqual(['0:00', '0:59', '1:15', '1:02:05']);
  });
});
