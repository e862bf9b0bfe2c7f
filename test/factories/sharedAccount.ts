import type { AppContext } from '../../src/appContext.js';
import { systemActor } from '../../src/audit/actor.js';
import { runScan } from '../../src/rules/runScan.js';
import { makeLive } from '../helpers/liveData.js';
import { templateRow } from './templateRows.js';

/** The account the payments of `plantSharedAccount` go into, and how warnings show it. */
export const sharedAccount = '6217995500001234567';
export const maskedSharedAccount = '6217***********4567';

export interface SharedAccountCase {
  /** The three beneficiaries, then the account holder: full ID numbers. */
  ids: string[];
  /** The beneficiary paid twice (March and April). */
  beneficiary: string;
  holder: string;
}

/**
 * Three people of three households paid for March into one account held by a fourth, and
 * the first of them again in April, then a full scan of the test county (whose divisions
 * must be loaded): R10 hits each March payment twice (another's account, and an account
 * shared by three households), the April one once.
 */
export async function plantSharedAccount(ctx: AppContext): Promise<SharedAccountCase> {
  const people = Array.from({ length: 4 }, () => templateRow('residents'));
  await makeLive(ctx, 'residents', people);
  await makeLive(ctx, 'programs', [
    { ...templateRow('programs'), program_code: 'DB', name: '城乡低保', exclusive_with: '' },
  ]);
  const holder = people[3]!;
  const pay = (p: Record<string, string>, month: string) => ({
    ...templateRow('disbursements'),
    id_number: p.id_number!,
    name: p.name!,
    household_id: p.household_id!,
    period: month,
    pay_date: `${month}-10`,
    amount: '500',
    bank_account: sharedAccount,
    account_holder: holder.name!,
    account_holder_id_number: holder.id_number!,
  });
  await makeLive(ctx, 'disbursements', [
    ...people.slice(0, 3).map((p) => pay(p, '2024-03')),
    pay(people[0]!, '2024-04'),
  ]);
  await runScan(ctx, { jurisdiction: '431226000000', kind: 'full', actor: systemActor });
  return {
    ids: people.map((p) => p.id_number!),
    beneficiary: people[0]!.id_number!,
    holder: holder.id_number!,
  };
}
