import { unguardFormula } from '../core/csv.js';
import { redactText } from '../core/redact.js';
import { columnOf, type DatasetDefinition } from './datasetDefinition.js';
import { cellText, type StoredValue } from './fieldKinds.js';
import type { HeaderMatch } from './headerMatching.js';
import { KeyTable } from './keyTable.js';
import type { QuarantineEntry } from './quarantineRepository.js';
import type { Cell, RawRow } from './readers/tableReader.js';
import { keyHash, keyHash53 } from './rowHash.js';
import { rowValidator, type RowOutcome } from './validateRow.js';

type AcceptedRow = Extract<RowOutcome, { accepted: true }>;

/** A person named by a business row (legal representative or shareholder). */
export interface BusinessPerson {
  rowNumber: number;
  idNumber: string;
  role: 'legal_rep' | 'shareholder';
}

/**
 * The accepted rows of a chunk, flattened: per row `row_number, nk, nk_hash, row_hash`, the
 * dataset's fields in order, `extra, issues` (the writer adds the batch and `live`). For
 * PostgreSQL the chunk can come already as COPY text, which crosses threads cheaply.
 */
export interface PipelineChunk {
  accepted: number;
  values: StoredValue[];
  copyText: string | null;
  quarantined: QuarantineEntry[];
  people: BusinessPerson[];
}

export interface PipelineCounters {
  rowsRead: number;
  /** Rows that passed validation, before duplicates and conflicts inside the file. */
  valid: number;
  /** Rows repeated inside the file: identical ones and conflicting versions. */
  repeated: number;
  duplicatesInFile: number;
  quarantined: number;
  accepted: number;
  /** Filled template fields over the accepted rows (completeness). */
  filled: number;
}

export function newCounters(): PipelineCounters {
  return {
    rowsRead: 0,
    valid: 0,
    repeated: 0,
    duplicatesInFile: 0,
    quarantined: 0,
    accepted: 0,
    filled: 0,
  };
}

export interface PipelineOptions {
  today: string;
  source: string;
  /** Chunk accepted rows as COPY text for this batch (PostgreSQL), or as flat values. */
  copyForBatch: number | null;
  /** Column of the file holding the original row number (a fix file), or -1. */
  originalRowColumn: number;
  /**
   * The rows come from a file, which may be one Jiandu exported: cells starting with an
   * apostrophe that Jiandu's CSV writer put before a formula-like value lose it again.
   */
  fromFile: boolean;
}

/** Columns of a dataset table in the order the chunks carry them. */
export function chunkColumns(definition: DatasetDefinition): string[] {
  return [
    'row_number',
    'nk',
    'nk_hash',
    'row_hash',
    ...storedColumns(definition),
    'extra',
    'issues',
  ];
}

/** The dataset's own columns in storage order: its fields, then the derived ones. */
export function storedColumns(definition: DatasetDefinition): string[] {
  return [...definition.fields.map(columnOf), ...(definition.derivedColumns ?? [])];
}

const copySpecial = /[\\\t\n\r]/;
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as a field of COPY's text format: `\N` for null, backslash escapes for the rest. */
function copyValue(value: StoredValue): string | number {
  if (value === null) return '\\N';
  if (typeof value === 'number' || !copySpecial.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]!);
}

/**
 * Everything that happens to one row between the file and the database: validation, the
 * duplicates and conflicting versions inside the file, and chunking. Runs in the importing
 * thread for small files and in a worker thread for large ones; the result is the same.
 */
export class RowPipeline {
  readonly counters = newCounters();
  /** False once a row of a fix file lacks its original row number. */
  originalRowsComplete: boolean;
  private readonly validate: ReturnType<typeof rowValidator>;
  private readonly seen = new KeyTable();
  private readonly hash = new Uint32Array(2);
  private readonly columns: string[];
  private readonly stride: number;
  private chunk: PipelineChunk = {
    accepted: 0,
    values: [],
    copyText: null,
    quarantined: [],
    people: [],
  };
  private copyParts: (string | number)[] = [];

  constructor(
    private readonly definition: DatasetDefinition,
    match: HeaderMatch,
    private readonly headers: string[],
    private readonly options: PipelineOptions,
  ) {
    this.validate = rowValidator(definition, match, headers, {
      today: options.today,
      source: options.source,
    });
    this.columns = storedColumns(definition);
    this.stride = this.columns.length + 6;
    this.originalRowsComplete = options.originalRowColumn >= 0;
  }

  /** Rows accepted or quarantined since the last take. */
  get pendingRows(): number {
    return this.chunk.accepted + this.chunk.quarantined.length;
  }

  push(row: RawRow): void {
    const cells = row.cells;
    let empty = true;
    for (const cell of cells) {
      if (cell !== null && (typeof cell !== 'string' || cell.trim() !== '')) {
        empty = false;
        break;
      }
    }
    if (empty) return;
    if (this.options.fromFile) {
      for (let i = 0; i < cells.length; i += 1) {
        const cell = cells[i];
        if (typeof cell === 'string' && cell.charCodeAt(0) === 0x27)
          cells[i] = unguardFormula(cell);
      }
    }
    const counters = this.counters;
    counters.rowsRead += 1;
    let rowNumber = row.rowNumber;
    if (this.options.originalRowColumn >= 0) {
      const original = Number(cellText(cells[this.options.originalRowColumn] ?? null).trim());
      if (Number.isInteger(original) && original > 0) rowNumber = original;
      else this.originalRowsComplete = false;
    }
    const outcome = this.validate(cells);
    if (!outcome.accepted) {
      counters.quarantined += 1;
      this.chunk.quarantined.push({ rowNumber, raw: outcome.raw, problems: outcome.problems });
      return;
    }
    counters.valid += 1;
    keyHash(outcome.nk, this.hash);
    const slot = this.seen.findOrAdd(this.hash, outcome.hash, rowNumber);
    if (slot >= 0) {
      counters.repeated += 1;
      if (this.seen.contentAt(slot) === outcome.hash) {
        counters.duplicatesInFile += 1;
        return;
      }
      counters.quarantined += 1;
      this.chunk.quarantined.push({
        rowNumber,
        raw: this.rawOf(cells),
        problems: [
          {
            field: null,
            header: null,
            value: '',
            code: 'conflict',
            zh: `与第 ${this.seen.rowNumberAt(slot)} 行是同一条记录（${this.describeKey(outcome.row)}），但内容不同；请核实后只保留一行`,
            en: `same record as row ${this.seen.rowNumberAt(slot)} with different values`,
          },
        ],
      });
      return;
    }
    counters.accepted += 1;
    counters.filled += outcome.filled;
    const issues = outcome.notes.length > 0 ? JSON.stringify(outcome.notes) : null;
    const nkHash = keyHash53(this.hash);
    if (this.options.copyForBatch !== null) this.appendCopyLine(rowNumber, nkHash, issues, outcome);
    else this.appendValues(rowNumber, nkHash, issues, outcome);
    this.chunk.accepted += 1;
    if (this.definition.key === 'businesses') {
      const legal = outcome.row.legal_rep_id_number;
      if (typeof legal === 'string')
        this.chunk.people.push({ rowNumber, idNumber: legal, role: 'legal_rep' });
      const holders = outcome.row.shareholder_id_numbers;
      if (typeof holders === 'string') {
        for (const id of holders.split(';'))
          this.chunk.people.push({ rowNumber, idNumber: id, role: 'shareholder' });
      }
    }
  }

  /** Appends an accepted row to the chunk's flat values (SQLite). */
  private appendValues(
    rowNumber: number,
    nkHash: number,
    issues: string | null,
    outcome: AcceptedRow,
  ): void {
    const values = this.chunk.values;
    let at = this.chunk.accepted * this.stride;
    values[at++] = rowNumber;
    values[at++] = outcome.nk;
    values[at++] = nkHash;
    values[at++] = outcome.hash;
    for (const column of this.columns) values[at++] = outcome.row[column] ?? null;
    values[at++] = outcome.extra;
    values[at] = issues;
  }

  /**
   * Appends an accepted row as a line of COPY text (PostgreSQL). Fields and separators go
   * into one array per chunk, joined once: building a string per row (or adding to one
   * piece by piece) allocated as much as validating the rows did. Text needs no quotes and
   * almost never an escape, so most fields pass through as they are.
   */
  private appendCopyLine(
    rowNumber: number,
    nkHash: number,
    issues: string | null,
    outcome: AcceptedRow,
  ): void {
    const parts = this.copyParts;
    parts.push(this.options.copyForBatch!, '\t', rowNumber, '\t', copyValue(outcome.nk));
    parts.push('\t', nkHash, '\t', outcome.hash, '\t0');
    for (const column of this.columns) parts.push('\t', copyValue(outcome.row[column] ?? null));
    parts.push('\t', copyValue(outcome.extra), '\t', copyValue(issues), '\n');
  }

  /** The rows gathered since the last call. */
  take(): PipelineChunk {
    const chunk = this.chunk;
    if (this.options.copyForBatch !== null && this.copyParts.length > 0)
      chunk.copyText = this.copyParts.join('');
    this.chunk = { accepted: 0, values: [], copyText: null, quarantined: [], people: [] };
    this.copyParts = [];
    return chunk;
  }

  private rawOf(cells: readonly Cell[]): Record<string, string> {
    const raw: Record<string, string> = {};
    this.headers.forEach((header, index) => {
      if (header !== '') raw[header] = cellText(cells[index] ?? null);
    });
    return raw;
  }

  /** "发放记录号 MZ-2024-000123" for the conflict message, with ID numbers masked. */
  private describeKey(row: Record<string, unknown>): string {
    const text = this.definition.naturalKey
      .map((column) => {
        if (column === 'source') return `来源 ${this.options.source}`;
        const field = this.definition.fields.find((f) => columnOf(f) === column);
        const value = row[column];
        return `${field?.header ?? column} ${typeof value === 'string' || typeof value === 'number' ? value : ''}`;
      })
      .join('，');
    return redactText(text);
  }
}
