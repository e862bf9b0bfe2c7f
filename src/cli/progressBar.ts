import type { Language } from '../core/errors.js';
import type { ImportProgress } from '../ingest/importTable.js';
import type { ScanProgress } from '../rules/runScan.js';

/** The part of a terminal stream a progress line needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** How often the line may be redrawn: often enough to look alive, rarely enough to cost nothing. */
const redrawMs = 100;
const barWidth = 24;

/** Columns a text takes on a terminal: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function fit(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > columns - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** `[██████░░░░░░]` for a fraction from 0 to 1. */
export function bar(fraction: number, width = barWidth): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/** 75 → 1:15, 3725 → 1:02:05. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * One line of an import's progress: the bar and time left come from the bytes of the file
 * read so far (rows per second vary with the rows; bytes per second hardly do).
 */
export function importProgressText(
  progress: ImportProgress,
  elapsedMs: number,
  language: Language,
): string {
  const zh = language === 'zh';
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(progress.rowsRead / seconds) : 0;
  const parts = [zh ? '导入中' : 'importing'];
  const { bytesRead, totalBytes } = progress;
  if (bytesRead !== undefined && totalBytes !== undefined && totalBytes > 0) {
    const fraction = Math.min(1, bytesRead / totalBytes);
    parts.push(`${bar(fraction)} ${Math.floor(fraction * 100)}%`);
  }
  parts.push(zh ? `${count(progress.rowsRead)} 行` : `${count(progress.rowsRead)} rows`);
  if (seconds >= 1) parts.push(zh ? `${count(rate)} 行/秒` : `${count(rate)} rows/s`);
  if (
    bytesRead !== undefined &&
    totalBytes !== undefined &&
    bytesRead > 0 &&
    bytesRead < totalBytes &&
    seconds >= 1
  ) {
    const left = (seconds / bytesRead) * (totalBytes - bytesRead);
    parts.push(zh ? `剩余约 ${formatDuration(left)}` : `about ${formatDuration(left)} left`);
  }
  return parts.join('  ');
}

/** One line of a scan's progress: rules done of the total, and the ones running. */
export function scanProgressText(progress: ScanProgress, language: Language): string {
  const zh = language === 'zh';
  const parts = [
    zh ? '比对中' : 'scanning',
    bar(progress.total > 0 ? progress.done / progress.total : 1),
    zh ? `${progress.done}/${progress.total} 条规则` : `${progress.done}/${progress.total} rules`,
  ];
  if (progress.running.length > 0)
    parts.push(
      zh ? `正在运行 ${progress.running.join('、')}` : `running ${progress.running.join(', ')}`,
    );
  else if (progress.done === progress.total) parts.push(zh ? '整理预警' : 'settling warnings');
  return parts.join('  ');
}

/**
 * A line redrawn in place on a terminal's standard error. Only for a terminal: a pipe, a
 * file or CI gets nothing (and `--json` asks for none), so logs stay clean.
 */
export class ProgressLine {
  private lastDraw = -Infinity;
  private drawn = false;

  private constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number,
  ) {}

  /** A progress line on `stream` when it is a terminal and `enabled`; otherwise null. */
  static open(
    stream: ProgressStream,
    options: { enabled: boolean; now?: () => number },
  ): ProgressLine | null {
    if (!options.enabled || stream.isTTY !== true) return null;
    return new ProgressLine(stream, options.now ?? (() => Date.now()));
  }

  /** Redraws the line (at most every 100 ms unless `force`). */
  show(text: string, force = false): void {
    const now = this.now();
    if (!force && now - this.lastDraw < redrawMs) return;
    this.lastDraw = now;
    const columns = this.stream.columns && this.stream.columns > 10 ? this.stream.columns : 80;
    // \r back to the start, the text, then clear what a longer earlier line left.
    this.stream.write(`\r${fit(text, columns - 1)}\u001b[K`);
    this.drawn = true;
  }

  /** Removes the line, so that the summary printed next starts on a clean line. */
  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
