import { comparableName } from '../../../demo/names.js';
import type { ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R11 read plainly: the beneficiary is registered under another name, or not registered in a
 * village whose residents the registry holds.
 */
export const R11ReferenceCheck: ReferenceCheck = (county, hit) => {
  const villagesWithResidents = new Set(county.rows.residents!.map((r) => r.village_code!));
  for (const p of county.payments) {
    const resident = county.residents.get(p.id);
    if (
      resident
        ? comparableName(resident.name!) !== comparableName(p.row.name!)
        : villagesWithResidents.has(p.row.village_code!)
    )
      hit(p.id, p.code);
  }
};
