import { foldFullWidth, trimAll } from './text.js';

/**
 * Statistical division codes (统计用区划代码): 12 digits, province (2), city (4), county (6),
 * township (9), village (12). Shorter prefixes are padded with zeros.
 */

/** 0 is the whole country, a deployment that serves all of China. */
export type DivisionLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** The code of the whole country: its prefix is empty, so it covers every division. */
export const nationalCode = '000000000000';

export const levelNames: Record<DivisionLevel, { zh: string; en: string }> = {
  0: { zh: '全国', en: 'country' },
  1: { zh: '省', en: 'province' },
  2: { zh: '市', en: 'city' },
  3: { zh: '县', en: 'county' },
  4: { zh: '乡镇', en: 'township' },
  5: { zh: '村（社区）', en: 'village' },
};

const prefixLengths: Record<DivisionLevel, number> = { 0: 0, 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** Pads a 2, 4, 6, 9 or 12-digit code to 12 digits; null when it is not of that shape. */
export function normaliseDivisionCode(raw: string): string | null {
  if (raw.length === 12 && /^\d{12}$/.test(raw)) return raw;
  const text = trimAll(foldFullWidth(raw));
  if (!/^\d+$/.test(text)) return null;
  if (![2, 4, 6, 9, 12].includes(text.length)) return null;
  return text.padEnd(12, '0');
}

export function divisionLevel(code: string): DivisionLevel {
  if (code === nationalCode) return 0;
  if (code.slice(2) === '0000000000') return 1;
  if (code.slice(4) === '00000000') return 2;
  if (code.slice(6) === '000000') return 3;
  if (code.slice(9) === '000') return 4;
  return 5;
}

/** The code with its trailing zero levels removed: 431226000000 → 431226. */
export function divisionPrefix(code: string): string {
  return code.slice(0, prefixLengths[divisionLevel(code)]);
}

/** The code of the enclosing division, or null for a province. */
export function parentDivisionCode(code: string): string | null {
  const level = divisionLevel(code);
  if (level <= 1) return null;
  const parentLevel = (level - 1) as DivisionLevel;
  return code.slice(0, prefixLengths[parentLevel]).padEnd(12, '0');
}

/** All enclosing codes from the province down to the parent. */
export function ancestorDivisionCodes(code: string): string[] {
  const out: string[] = [];
  for (let parent = parentDivisionCode(code); parent; parent = parentDivisionCode(parent)) {
    out.unshift(parent);
  }
  return out;
}

/** "Jurisdiction covers a village" as docs/reference/rules.md defines it. */
export function jurisdictionCovers(jurisdictionCode: string, code: string): boolean {
  return code.startsWith(divisionPrefix(jurisdictionCode));
}
