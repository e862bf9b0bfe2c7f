import type { AppContext } from '../../src/appContext.js';
import { systemActor } from '../../src/audit/actor.js';
import { auditedWrite } from '../../src/audit/auditedWrite.js';
import type { OfficeKind } from '../../src/api/leads.js';
import type { Role } from '../../src/api/roles.js';
import { scopeOf } from '../../src/auth/scope.js';
import { generateCounty } from '../../src/demo/generateCounty.js';
import { loadCountyRows } from '../../src/demo/loadDemoCounty.js';
import { loadJurisdiction } from '../../src/jurisdiction/loadJurisdiction.js';
import { leadActorFor, type LeadActor } from '../../src/leads/leadAccess.js';
import { insertOffice, setUserOffice, type OfficeRow } from '../../src/leads/officesRepository.js';
import { runScan } from '../../src/rules/runScan.js';
import { createTestUser } from './users.js';

export const leadCounty = '431226000000';

/** The county's divisions, a small generated county's live data and its warnings. */
export async function scannedDemoCounty(ctx: AppContext, people = 400): Promise<void> {
  await loadJurisdiction(ctx, systemActor, leadCounty);
  const county = generateCounty({ region: leadCounty, people, seed: 5, year: 2024 });
  const admin = await createTestUser(ctx, { role: 'admin' });
  await loadCountyRows(
    ctx,
    { actor: { id: admin.id, name: admin.username }, scope: scopeOf(leadCounty) },
    county,
  );
  await runScan(ctx, {
    jurisdiction: leadCounty,
    kind: 'full',
    actor: systemActor,
    today: county.today,
  });
}

let officeCounter = 0;

export function createOffice(
  ctx: AppContext,
  office: { kind: OfficeKind; jurisdictionCode: string; name?: string; supervising?: boolean },
): Promise<OfficeRow> {
  officeCounter += 1;
  return auditedWrite(ctx, systemActor, (write) =>
    insertOffice(write, {
      code: `O${officeCounter}`,
      name: office.name ?? `${office.kind}办公室${officeCounter}`,
      kind: office.kind,
      jurisdictionCode: office.jurisdictionCode,
      supervising: office.supervising ?? false,
    }),
  );
}

/** A user of a role (in an office, with an ID number, when given) as a lead actor. */
export async function leadUser(
  ctx: AppContext,
  role: Role,
  options: { jurisdictionCode?: string; officeId?: number; idNumber?: string } = {},
): Promise<LeadActor> {
  const user = await createTestUser(ctx, {
    role,
    jurisdictionCode: options.jurisdictionCode ?? leadCounty,
  });
  if (options.officeId !== undefined || options.idNumber !== undefined)
    await auditedWrite(ctx, systemActor, (write) =>
      setUserOffice(write, user.id, options.officeId ?? null, options.idNumber),
    );
  return leadActorFor(ctx.handle.db, user.id);
}
