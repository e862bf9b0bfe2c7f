import { parseAmount } from '../../../core/money.js';
import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

function fen(value: string): number {
  const parsed = parseAmount(value);
  if (!parsed.ok) throw new Error(`bad amount ${value}`);
  return parsed.fen;
}

/** R09 read plainly: a payment above the programme's monthly standard times the household's size. */
export const R09ReferenceCheck: ReferenceCheck = (county, hit) => {
  for (const p of county.payments) {
    if (p.program.standard_monthly === '') continue;
    const size = p.row.household_size === '' ? 1 : Number(p.row.household_size);
    if (fen(p.row.amount!) > fen(p.program.standard_monthly!) * size) hit(p.id, p.code);
  }
};
