import { formatYuanShort } from '../core/money.js';
import type { Hit, WarningGroup } from '../warnings/warningGroup.js';

/** Pieces of the Chinese explanations. */
export function chineseDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`;
}

/** 2024-04..2024-06 → "2024年4月至6月"; across years "2023年12月至2024年2月"; gaps listed as the range. */
export function periodRange(periods: readonly string[]): string {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return '';
  if (first === last) return chineseDate(first);
  const [y1, m1] = first.split('-');
  const [y2, m2] = last.split('-');
  const span =
    y1 === y2
      ? `${y1}年${Number(m1)}月至${Number(m2)}月`
      : `${chineseDate(first)}至${chineseDate(last)}`;
  return periods.length > 1 && periods.length < monthsBetween(first, last) + 1
    ? `${span}中的${periods.length}个月`
    : span;
}

function monthsBetween(a: string, b: string): number {
  return (
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
    Number(b.slice(5, 7)) -
    Number(a.slice(5, 7))
  );
}

export function money(fen: number): string {
  return formatYuanShort(fen);
}

export function programLabel(group: WarningGroup): string {
  return group.programName ?? group.programCode ?? '';
}

/** Distinct values of a hit column, in order of appearance. */
export function distinct(hits: readonly Hit[], pick: (hit: Hit) => string | null): string[] {
  const out: string[] = [];
  for (const hit of hits) {
    const value = pick(hit);
    if (value && !out.includes(value)) out.push(value);
  }
  return out;
}

/** "领取城乡低保共1,680元" (the common tail of payment explanations). */
export function paidTail(group: WarningGroup): string {
  return `${periodRange(group.periods)}领取${programLabel(group)}共${money(group.amountFen)}`;
}

export function listed(items: readonly string[], limit = 3): string {
  if (items.length <= limit) return items.join('、');
  return `${items.slice(0, limit).join('、')}等${items.length}项`;
}
