import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { foldFullWidth, removeSpaces } from './text.js';

/**
 * Keys for comparing names (R11, and R10's account holders without an ID number; see
 * docs/reference/rules.md): the folded form removes spaces and full-width forms and turns
 * traditional characters into simplified ones (陳 → 陈), which counts as the same name; the
 * pinyin form (surname readings: 单 → shan) finds near matches, which the evidence marks as
 * fuzzy.
 */
// opencc-js ships types that do not resolve under NodeNext; its CommonJS build is typed here.
const { Converter } = createRequire(import.meta.url)('opencc-js/t2cn') as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const hanChar = /\p{Script=Han}/u;

const foldCache = new Map<string, string>();
const pinyinCache = new Map<string, string>();
const cacheLimit = 200_000;

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, value);
  return value;
}

export function foldName(name: string): string {
  const cached = foldCache.get(name);
  if (cached !== undefined) return cached;
  const plain = removeSpaces(foldFullWidth(name)).toLowerCase();
  return remember(foldCache, name, hanChar.test(plain) ? toSimplified(plain) : plain);
}

export function namePinyin(name: string): string {
  const cached = pinyinCache.get(name);
  if (cached !== undefined) return cached;
  const folded = foldName(name);
  const value = hanChar.test(folded)
    ? pinyin(folded, { toneType: 'none', type: 'array', mode: 'surname' }).join('')
    : folded;
  return remember(pinyinCache, name, value);
}
