import { foldFullWidth, trimAll } from './text.js';

/**
 * Unified social credit codes (统一社会信用代码) per GB 32100-2015: 18 characters from a
 * 31-character alphabet without I, O, Z, S, V, the last being a check character.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = alphabet.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * weights[i]!;
  }
  return alphabet[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeParse =
  { ok: true; value: string } | { ok: false; reason: 'length' | 'characters' | 'checkChar' };

export function parseCreditCode(raw: string): CreditCodeParse {
  const value = trimAll(foldFullWidth(raw)).toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  for (let i = 0; i < value.length; i += 1)
    if (!alphabet.includes(value.charAt(i))) return { ok: false, reason: 'characters' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17])
    return { ok: false, reason: 'checkChar' };
  return { ok: true, value };
}

/** Builds a valid code from 17 characters of the alphabet (for the demo generator and tests). */
export function composeCreditCode(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`not a credit code body: ${first17}`);
  return first17 + check;
}
