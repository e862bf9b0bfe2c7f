import { foldFullWidth, trimAll } from './text.js';
import { isValidIsoDate } from './dates.js';

/**
 * Resident identity numbers per GB 11643-1999: six digits of region, eight of birth date,
 * three of sequence (odd for men, even for women) and a check character.
 */

export type IdRejection =
  | 'empty'
  | 'scientific' // Excel turned it into 4.31226E+17: the digits are gone
  | 'truncated' // Excel kept 15 significant digits and zeroed the rest
  | 'length'
  | 'characters'
  | 'birthDate'
  | 'checkDigit';

export type IdParse =
  | { ok: true; value: string; birthDate: string; sex: 'M' | 'F'; converted: boolean }
  | { ok: false; reason: IdRejection };

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character of the first seventeen digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * weights[i]!;
  return checkChars[sum % 11]!;
}

export const idRejectionText: Record<IdRejection, { zh: string; en: string }> = {
  empty: { zh: '身份证号为空', en: 'empty ID number' },
  scientific: {
    zh: '身份证号被 Excel 转成了科学计数法（如 4.31226E+17），后几位已丢失，无法恢复，请把该列设为文本后重新导出',
    en: 'ID number in scientific notation (Excel); its digits are lost',
  },
  truncated: {
    zh: '身份证号末几位被 Excel 变成了 0（超过 15 位的数字会丢失精度），无法恢复，请把该列设为文本后重新导出',
    en: 'ID number lost its last digits to Excel precision',
  },
  length: { zh: '身份证号位数不对（应为 18 位或 15 位）', en: 'ID number has the wrong length' },
  characters: { zh: '身份证号含有非法字符', en: 'ID number has invalid characters' },
  birthDate: { zh: '身份证号中的出生日期不存在', en: 'ID number has an impossible birth date' },
  checkDigit: { zh: '身份证号校验位错误', en: 'ID number check digit is wrong' },
};

/**
 * Normalises an ID number as a clerk typed or Excel exported it. `today` bounds the birth
 * date (ISO date, defaults to the current date).
 */
export function parseIdNumber(
  raw: string,
  today: string = new Date().toISOString().slice(0, 10),
): IdParse {
  let value = trimAll(foldFullWidth(raw)).replace(/^'/, '');
  if (value === '') return { ok: false, reason: 'empty' };
  if (/^\d(\.\d+)?e\+?\d+$/i.test(value)) return { ok: false, reason: 'scientific' };
  if (value.includes('x')) value = value.toUpperCase();
  let converted = false;
  if (/^\d{15}$/.test(value)) {
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    value = first17 + idCheckChar(first17);
    converted = true;
  } else if (value.length !== 18) {
    return { ok: false, reason: /^[\dX]+$/.test(value) ? 'length' : 'characters' };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'characters' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate) || birthDate < '1890-01-01' || birthDate > today) {
    return { ok: false, reason: 'birthDate' };
  }
  if (idCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: value.endsWith('000') ? 'truncated' : 'checkDigit' };
  }
  const sex = Number(value[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, value, birthDate, sex, converted };
}

/** Birth date (ISO) of a valid 18-character ID number. */
export function birthDateOfId(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Whole years from the birth date in the ID number to `onDate` (ISO). */
export function ageOnDate(id: string, onDate: string): number {
  const birth = birthDateOfId(id);
  let age = Number(onDate.slice(0, 4)) - Number(birth.slice(0, 4));
  if (onDate.slice(5) < birth.slice(5)) age -= 1;
  return age;
}

/** Builds a valid ID number from a six-digit region, an ISO birth date and a sequence 0–999. */
export function composeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 =
    region.slice(0, 6) + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + idCheckChar(first17);
}
