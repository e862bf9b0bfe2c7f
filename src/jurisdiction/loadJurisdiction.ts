import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { auditedWrite } from '../audit/auditedWrite.js';
import { ancestorDivisionCodes, nationalCode } from '../core/divisionCode.js';
import { JianduError } from '../core/errors.js';
import type { DivisionTable } from './jurisdictionTables.js';
import { divisionsUnder, isNationalDivision, nationalDivision } from './nationalDivisions.js';
import { readSetting, settingKeys, writeSetting } from '../settings/settingsRepository.js';

const chunkSize = 2000;

export interface LoadResult {
  root: string;
  divisions: number;
}

/**
 * Makes the deployment serve `code` (12 digits, or the national code for all of China):
 * loads that subtree of the national table and its ancestors into `divisions`, in one
 * audited transaction. A deployment serves one jurisdiction; loading another is refused.
 */
export async function loadJurisdiction(
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<LoadResult> {
  if (!isNationalDivision(code)) throw new JianduError('UNKNOWN_REGION', { code });
  const current = await readSetting<string>(ctx.handle.db, settingKeys.rootJurisdiction);
  if (current !== undefined && current !== code) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `this database already serves ${current}; a deployment serves one jurisdiction`,
    });
  }
  return auditedWrite(ctx, actor, async (scope) => {
    const { tx } = scope;
    const existing = await tx
      .selectFrom('divisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    let rows: DivisionTable[] = [];
    const flush = async (): Promise<void> => {
      if (rows.length === 0) return;
      await tx
        .insertInto('divisions')
        .values(rows)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      rows = [];
    };
    const ancestors = code === nationalCode ? [] : ancestorDivisionCodes(code);
    for (const ancestor of ancestors) {
      const record = nationalDivision(ancestor);
      if (record)
        rows.push({
          code: record.code,
          name: record.name,
          level: record.level,
          parent_code: record.parentCode,
        });
    }
    for (const record of divisionsUnder(code)) {
      rows.push({
        code: record.code,
        name: record.name,
        level: record.level,
        parent_code: record.parentCode,
      });
      if (rows.length >= chunkSize) await flush();
    }
    await flush();
    const loaded = await tx
      .selectFrom('divisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (current === undefined) await writeSetting(scope, settingKeys.rootJurisdiction, code);
    await scope.audit({
      action: 'jurisdiction.load',
      entity: 'division',
      ids: [code],
      jurisdictionCode: code,
      before: { divisions: existing.n },
      after: { divisions: loaded.n },
    });
    return { root: code, divisions: loaded.n };
  });
}
