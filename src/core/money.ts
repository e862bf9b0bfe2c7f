import { foldFullWidth, trimAll } from './text.js';

/** Money is integer fen (分) everywhere; yuan appear only at the edges as text. */

export type AmountRejection = 'format' | 'negative' | 'precision' | 'tooLarge';
export type AmountParse = { ok: true; fen: number } | { ok: false; reason: AmountRejection };

export const amountRejectionText: Record<AmountRejection, { zh: string; en: string }> = {
  format: { zh: '金额不是数字', en: 'amount is not a number' },
  negative: { zh: '金额不能为负数', en: 'amount may not be negative' },
  precision: { zh: '金额最多保留两位小数（到分）', en: 'amount has more than two decimals' },
  tooLarge: { zh: '金额过大', en: 'amount too large' },
};

const maxFen = Number.MAX_SAFE_INTEGER;

/** Parses `1234.5`, `1,234.50`, `1234.50元`, `¥1234.5`, full-width digits into fen. */
export function parseAmount(
  raw: string | number,
  options: { allowNegative?: boolean } = {},
): AmountParse {
  let text = typeof raw === 'number' ? String(raw) : trimAll(foldFullWidth(raw));
  text = text
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*(元|人民币|RMB|CNY)$/i, '')
    .replace(/,/g, '');
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] === '' ? '0' : match[2]!;
  const decimals = (match[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, reason: 'precision' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > maxFen) return { ok: false, reason: 'tooLarge' };
  if (sign < 0 && fen !== 0 && !options.allowNegative) return { ok: false, reason: 'negative' };
  return { ok: true, fen: sign * fen };
}

/** 168000 → "1,680.00" */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** 168000 → "1,680元", 168050 → "1,680.50元": the form explanations use. */
export function formatYuanShort(fen: number): string {
  const text = formatYuan(fen);
  return `${text.endsWith('.00') ? text.slice(0, -3) : text}元`;
}
