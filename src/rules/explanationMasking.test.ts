import { expect, it } from 'vitest';
import {
  maskedSharedAccount,
  plantSharedAccount,
  sharedAccount,
} from '../../test/factories/sharedAccount.js';
import { newIdNumberEndingInX } from '../../test/factories/people.js';
import { templateRow } from '../../test/factories/templateRows.js';
import { describeForEachDatabase } from '../../test/helpers/databases.js';
import { makeLive } from '../../test/helpers/liveData.js';
import { systemActor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { loadJurisdiction } from '../jurisdiction/loadJurisdiction.js';
import { saveCustomRule } from './customRules.js';
import { runScan } from './runScan.js';

const root = '431226000000';
const fullIdNumber = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/;

describeForEachDatabase('explanations as a scan stores them', (current) => {
  it('name a bank account masked (R10)', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    const { ids } = await plantSharedAccount(ctx);
    const stored = await ctx.handle.db
      .selectFrom('warnings')
      .select('explanation')
      .where('rule_code', '=', 'R10')
      .execute();
    expect(stored).toHaveLength(3);
    for (const { explanation } of stored) {
      expect(explanation).toContain(`账户${maskedSharedAccount}同期为3人（3户）收款`);
      expect(explanation).not.toContain(sharedAccount);
      expect(explanation).not.toMatch(fullIdNumber);
      for (const id of ids) expect(explanation).not.toContain(id);
    }
  });

  it('mask the numbers a custom rule’s text brings in (a disability certificate holds the ID number)', async () => {
    const ctx = current();
    await loadJurisdiction(ctx, systemActor, root);
    // An ID number ending in X: the certificate number has it inside a longer token.
    const id = newIdNumberEndingInX();
    const person: Record<string, string> = {
      ...templateRow('residents'),
      id_number: id,
      gender: Number(id[16]) % 2 === 1 ? '男' : '女',
      birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    };
    await makeLive(ctx, 'residents', [person]);
    await makeLive(ctx, 'programs', [
      { ...templateRow('programs'), program_code: 'DB', name: '城乡低保', exclusive_with: '' },
    ]);
    const certificate: Record<string, string> = {
      ...templateRow('disabilities'),
      id_number: person.id_number!,
    };
    certificate.certificate_no = `${person.id_number!}42`;
    await makeLive(ctx, 'disabilities', [certificate]);
    await makeLive(ctx, 'disbursements', [
      {
        ...templateRow('disbursements'),
        id_number: person.id_number!,
        name: person.name!,
        household_id: person.household_id!,
        account_holder: person.name!,
        account_holder_id_number: person.id_number!,
      },
    ]);
    await auditedWrite(ctx, systemActor, (s) =>
      saveCustomRule(s, {
        code: 'C02',
        name: { zh: '持残疾人证领取低保', en: 'Disability certificate holder on aid' },
        severity: '低',
        programs: ['DB'],
        people: 'beneficiary',
        fact: { dataset: 'disabilities', when: 'valid_in_period', where: [] },
        hitWhen: 'exists',
        explanation: '{name}持有残疾人证{fact}，{periods}领取{program}共{amount}',
      }),
    );
    await runScan(ctx, { jurisdiction: root, kind: 'full', actor: systemActor });
    const { explanation } = await ctx.handle.db
      .selectFrom('warnings')
      .select('explanation')
      .where('rule_code', '=', 'C02')
      .executeTakeFirstOrThrow();
    expect(explanation).toContain(`持有残疾人证${person.id_number!.slice(0, 4)}`);
    expect(explanation).not.toContain(certificate.certificate_no);
    expect(explanation).not.toMatch(fullIdNumber);
    expect(explanation).not.toContain(person.id_number);
  });
});
