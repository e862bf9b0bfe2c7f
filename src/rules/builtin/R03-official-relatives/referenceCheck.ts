import { divisionPrefix } from '../../../core/divisionCode.js';
import type { DatasetRows } from '../../../demo/demoCounty.js';
import { inOffice, type ReferenceCheck } from '../../../demo/referenceCounty.js';

function covers(jurisdiction: string, village: string): boolean {
  return village.startsWith(divisionPrefix(jurisdiction));
}

/**
 * R03 read plainly: a means-tested payment to an official, a declared relative or someone of
 * the official's household, while the official is in office over the payment's village.
 */
export const R03ReferenceCheck: ReferenceCheck = (county, hit) => {
  const { declared, members, residents } = county;
  /** For each person, the official records of which the person is the official or a relative. */
  const linkedOfficials = new Map<string, DatasetRows[]>();
  const link = (person: string, official: DatasetRows): void => {
    const list = linkedOfficials.get(person);
    if (list) list.push(official);
    else linkedOfficials.set(person, [official]);
  };
  for (const official of county.rows.officials!) {
    const id = official.id_number!;
    const relatives = new Set<string>([id, ...(declared.get(id) ?? [])]);
    const resident = residents.get(id);
    if (resident) for (const m of members.get(resident.household_id!) ?? []) relatives.add(m);
    for (const person of relatives) link(person, official);
  }
  for (const p of county.payments) {
    if (!p.meansTested) continue;
    if (
      (linkedOfficials.get(p.id) ?? []).some(
        (o) => inOffice(o, p.period) && covers(o.jurisdiction_code!, p.row.village_code!),
      )
    )
      hit(p.id, p.code);
  }
};
