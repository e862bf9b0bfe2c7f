import { comparableName } from '../../../demo/names.js';
import { groupBy, type ReferenceCheck } from '../../../demo/referenceCounty.js';

/**
 * R10 read plainly: paid into an account whose holder is not of the household (by ID number,
 * else by name), or into an account shared that month by three beneficiaries or more from two
 * households or more.
 */
export const R10ReferenceCheck: ReferenceCheck = (county, hit) => {
  const { residents } = county;
  const sharedAccounts = new Set<string>();
  for (const [key, group] of groupBy(
    county.rows.disbursements!,
    (p) => `${p.bank_account}|${p.period}`,
  )) {
    const beneficiaries = new Set(group.map((p) => p.id_number!));
    const households = new Set(
      group.map(
        (p) =>
          residents.get(p.id_number!)?.household_id ?? (p.household_id || `solo:${p.id_number}`),
      ),
    );
    if (beneficiaries.size >= 3 && households.size >= 2) sharedAccounts.add(key);
  }
  for (const p of county.payments) {
    const holderId = p.row.account_holder_id_number!;
    let stranger: boolean;
    if (holderId !== '') stranger = holderId !== p.id && !p.household.has(holderId);
    else {
      const names = new Set([
        comparableName(p.row.name!),
        ...[...p.household].map((m) => comparableName(residents.get(m)?.name ?? '')),
      ]);
      stranger = !names.has(comparableName(p.row.account_holder!));
    }
    if (stranger || sharedAccounts.has(`${p.row.bank_account}|${p.period}`)) hit(p.id, p.code);
  }
};
