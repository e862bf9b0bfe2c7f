// A hand-written parser rather than csv-parse, which walks every character through a state
// machine that also serves dozens of options and is several times slower on our files
// (bench/readers.bench.ts compares the two). Most lines of a real file have no quote at all;
// for them `indexOf` and `split` (native) do the work. Lines with a quote take the careful
// path (quotedRecord).
//
// Most of what remains is garbage collection, and two choices below are about it:
// - Cells come from `split` and rows from a class, not from array and object literals.
//   V8 tracks the survival of objects made by a literal and, once enough of them outlive a
//   young-generation collection (rows do: they live as long as their batch), allocates
//   them in the old generation from then on; every young string they point to then
//   survives until the next full collection, which can make a whole import several times
//   slower.
// - csvRows parses a batch in one go from text it held back (see there).
import { JianduError } from '../../core/errors.js';
import type { Cell, RawRow } from './tableReader.js';

/**
 * Excel's limit on the characters in a cell. A quoted field that is still open this far
 * from its opening quote is not a field: the quote was a stray one.
 */
const maxQuotedLength = 32_767;
/** A line this long means the file is not a table; stop before memory runs out. */
const maxLineLength = 4 * 1024 * 1024;

/** Fields of the record being read on the careful path. */
const scratch: Cell[] = [];

/** A class, not an object literal: see the note at the top of the file. */
class Row implements RawRow {
  constructor(
    public rowNumber: number,
    public cells: Cell[],
  ) {}
}

const quote = 34;
const lf = 10;
const cr = 13;

interface QuotedRecord {
  cells: Cell[];
  /** Where the next record starts. */
  next: number;
  /** Line breaks inside quoted fields, for the physical line numbers that follow. */
  breaks: number;
}

/** Where the field that starts at `from` ends: a separator, CR, LF or the end of the text. */
function fieldEnd(text: string, from: number, separator: number): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === separator || code === lf || code === cr) return i;
    i += 1;
  }
  return length;
}

/** Line breaks in text[from, to): LF, CR LF and a lone CR each count once. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === lf) breaks += 1;
    else if (code === cr && text.charCodeAt(i + 1) !== lf) breaks += 1;
  }
  return breaks;
}

/** Where the text after the first line break starts; -1 if none, or if a CR ends the text. */
function afterFirstBreak(text: string): number {
  const lfAt = text.indexOf('\n');
  // Searching back from the first LF keeps a chunk without CRs from being scanned twice.
  const crAt = lfAt === -1 ? text.indexOf('\r') : text.lastIndexOf('\r', lfAt);
  if (crAt === -1) return lfAt === -1 ? -1 : lfAt + 1;
  const first = text.indexOf('\r');
  if (first + 1 === text.length) return -1;
  return text.charCodeAt(first + 1) === lf ? first + 2 : first + 1;
}

/** Empty strings become null in place; false when every cell is empty (a blank row). */
function nullEmpty(cells: Cell[]): boolean {
  let filled = false;
  for (let i = 0; i < cells.length; i += 1) {
    if (cells[i] === '') cells[i] = null;
    else filled = true;
  }
  return filled;
}

/**
 * An RFC 4180 CSV parser fed with text as it is decoded. Comma-separated, or
 * tab-separated when the first non-blank line has tabs and no comma. Quoted fields may
 * hold separators, `""` and line breaks; CRLF, LF and CR all end a line; blank lines (and
 * lines of separators only, which Excel writes for empty formatted rows) are skipped but
 * still counted, so `rowNumber` is the line where the record starts, as Excel shows it.
 *
 * Malformed quoting is read the way Excel reads it, never by failing: text after a
 * closing quote is kept (`"ab"c` → `abc`), a quote inside an unquoted field is an
 * ordinary character (`ab"c`), and an opening quote that is not closed within 32,767
 * characters (Excel's cell limit) or before the end of the file is taken as an ordinary
 * character, so a stray quote cannot swallow the rest of the file.
 */
export class CsvParser {
  private pending = '';
  private line = 1;
  private separator: string | undefined;

  constructor(private readonly path: string) {}

  /** Parses `text` after what came before; complete records are appended to `out`. */
  push(text: string, out: RawRow[]): void {
    if (this.pending === '' || this.separator === undefined) {
      this.parse(this.pending + text, 0, false, out);
      return;
    }
    // Finish the record cut at the end of the previous chunk with this chunk's first line,
    // then parse the chunk where it lies: `pending + text` would flatten into a second
    // copy of the whole chunk, doubling what every chunk allocates.
    const rest = afterFirstBreak(text);
    if (rest !== -1) {
      this.parse(this.pending + text.slice(0, rest), 0, false, out);
      if (this.pending === '') {
        this.parse(text, rest, false, out);
        return;
      }
      text = text.slice(rest);
    }
    this.parse(this.pending + text, 0, false, out);
  }

  /** The end of the file: the last line may lack its line break. */
  end(out: RawRow[]): void {
    this.parse(this.pending, 0, true, out);
  }

  private chooseSeparator(text: string, final: boolean): string | undefined {
    let start = 0;
    while (start < text.length) {
      const code = text.charCodeAt(start);
      if (code !== lf && code !== cr) break;
      start += 1;
    }
    // fieldEnd with LF as the "separator" finds the end of the line.
    const end = fieldEnd(text, start, lf);
    if (end === text.length && !final) return undefined;
    const header = text.slice(start, end);
    return header.includes('\t') && !header.includes(',') ? '\t' : ',';
  }

  private parse(text: string, from: number, final: boolean, out: RawRow[]): void {
    if (this.separator === undefined) {
      this.separator = this.chooseSeparator(text.slice(from), final);
      if (this.separator === undefined) {
        this.pending = text.slice(from);
        this.checkLength();
        return;
      }
    }
    const separator = this.separator;
    const separatorCode = separator.charCodeAt(0);
    const length = text.length;
    let line = this.line;
    let pos = from;
    let nextLf = text.indexOf('\n', from);
    let nextCr = text.indexOf('\r', from);
    let nextQuote = text.indexOf('"', from);
    while (pos < length) {
      if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      let eol = nextLf === -1 ? nextCr : nextCr === -1 || nextLf < nextCr ? nextLf : nextCr;
      if (nextQuote === -1 || (eol !== -1 && nextQuote > eol)) {
        let next: number;
        if (eol === -1) {
          if (!final) break;
          eol = length;
          next = length;
        } else if (eol === nextCr) {
          // A CR at the end of the text may be the first half of a CR LF.
          if (eol + 1 === length && !final) break;
          next = text.charCodeAt(eol + 1) === lf ? eol + 2 : eol + 1;
        } else {
          next = eol + 1;
        }
        if (eol > pos) {
          const cells: Cell[] = text.slice(pos, eol).split(separator);
          if (nullEmpty(cells)) out.push(new Row(line, cells));
        }
        line += 1;
        pos = next;
      } else {
        const record = this.quotedRecord(text, pos, separatorCode, final);
        if (record === undefined) break;
        if (nullEmpty(record.cells)) out.push(new Row(line, record.cells));
        line += record.breaks + 1;
        pos = record.next;
      }
    }
    this.pending = pos === 0 ? text : text.slice(pos);
    this.line = line;
    this.checkLength();
  }

  private checkLength(): void {
    if (this.pending.length <= maxLineLength) return;
    throw new JianduError('FILE_UNREADABLE', {
      path: this.path,
      detail: {
        zh: `第 ${this.line} 行超过 ${maxLineLength} 个字符，这不像是表格文件`,
        en: `line ${this.line} is longer than ${maxLineLength} characters; this is not a table`,
      },
    });
  }

  /** A record with a quote somewhere in it, or undefined when it may continue past `text`. */
  private quotedRecord(
    text: string,
    start: number,
    separator: number,
    final: boolean,
  ): QuotedRecord | undefined {
    const length = text.length;
    scratch.length = 0;
    let breaks = 0;
    let i = start;
    for (;;) {
      let value: string;
      let end: number;
      if (text.charCodeAt(i) === quote) {
        let closed = -1;
        let content = '';
        let from = i + 1;
        for (;;) {
          const at = text.indexOf('"', from);
          if (at === -1 || at - i > maxQuotedLength) {
            if (at === -1 && !final && length - i <= maxQuotedLength) return undefined;
            break;
          }
          if (at + 1 === length && !final) return undefined;
          if (text.charCodeAt(at + 1) === quote) {
            content += text.slice(from, at + 1);
            from = at + 2;
            continue;
          }
          content += text.slice(from, at);
          closed = at;
          break;
        }
        if (closed === -1) {
          // Never closed: the quote is an ordinary character and the field ends as
          // unquoted fields do.
          end = fieldEnd(text, i + 1, separator);
          value = text.slice(i, end);
        } else {
          breaks += countBreaks(text, i + 1, closed);
          end = fieldEnd(text, closed + 1, separator);
          value = end > closed + 1 ? content + text.slice(closed + 1, end) : content;
        }
      } else {
        end = fieldEnd(text, i, separator);
        value = text.slice(i, end);
      }
      if (end === length && !final) return undefined;
      scratch.push(value);
      if (end < length && text.charCodeAt(end) === separator) {
        i = end + 1;
        continue;
      }
      let next = end;
      if (end < length) {
        if (text.charCodeAt(end) === cr) {
          if (end + 1 === length && !final) return undefined;
          next = text.charCodeAt(end + 1) === lf ? end + 2 : end + 1;
        } else {
          next = end + 1;
        }
      }
      // Copied out of the scratch array, for the same reason the fast path uses split().
      const cells = scratch.slice();
      scratch.length = 0;
      return { cells, next, breaks };
    }
  }
}

/** Decoded text held back before parsing is capped, whatever the batch size. */
const maxHeldText = 8 * 1024 * 1024;

/**
 * Rows of CSV text, in batches of `batchSize`.
 *
 * Text is held back until there is about a batch of it, then parsed in one go, rather than
 * parsed chunk by chunk as it arrives: a batch being built survives every young-generation
 * collection that happens meanwhile, and each one copies it; parsing in one go keeps the
 * reading and decoding garbage out of the batch's lifetime: faster, with less peak memory,
 * for the same CPU time.
 */
export async function* csvRows(
  text: AsyncIterable<string>,
  path: string,
  batchSize: number,
): AsyncGenerator<RawRow[]> {
  const parser = new CsvParser(path);
  let rows: RawRow[] = [];
  let held: string[] = [];
  let heldLength = 0;
  let parsedLength = 0;
  let parsedRows = 0;
  for await (const chunk of text) {
    held.push(chunk);
    heldLength += chunk.length;
    const perRow = parsedRows === 0 ? 100 : parsedLength / parsedRows;
    if (heldLength < Math.min(maxHeldText, (batchSize - rows.length) * perRow)) continue;
    const before = rows.length;
    for (const part of held) parser.push(part, rows);
    parsedLength += heldLength;
    parsedRows += rows.length - before;
    held = [];
    heldLength = 0;
    while (rows.length >= batchSize) {
      const batch = rows;
      rows = batch.splice(batchSize);
      yield batch;
    }
  }
  for (const part of held) parser.push(part, rows);
  parser.end(rows);
  while (rows.length > 0) {
    const batch = rows;
    rows = batch.splice(batchSize);
    yield batch;
  }
}
