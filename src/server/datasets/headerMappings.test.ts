import path from 'node:path';
import { expect, it } from 'vitest';
import { chineseHeaders, writeCsv } from '../../../test/factories/templateFiles.js';
import { templateRow } from '../../../test/factories/templateRows.js';
import { createTestUser } from '../../../test/factories/users.js';
import { sessionCookieFor } from '../../../test/factories/sessions.js';
import { describeForEachDatabase, tempDir } from '../../../test/helpers/databases.js';
import { serverFor } from '../../../test/helpers/server.js';
import { scopeOf } from '../../auth/scope.js';
import type { UserRow } from '../../auth/usersRepository.js';
import type { AppContext } from '../../appContext.js';
import { datasets } from '../../ingest/datasets/index.js';
import { importFile } from '../../ingest/importFile.js';

/**
 * Saved column names belong to a jurisdiction and a source: a township cannot change how
 * the county reads a department's files, only reviewers and administrators save them, every
 * change is audited, and an import says which mapping it used.
 */

const county = '431226000000';
const town102 = '431226102000';
const source = '公安局';
const url = `/api/datasets/residents/header-mappings/${encodeURIComponent(source)}`;

/** A residents file whose ID column is headed 证件号码 (a department's own name). */
async function importResidents(ctx: AppContext, user: UserRow, village: string) {
  const row = { ...templateRow('residents'), village_code: village };
  const keys = Object.keys(row);
  const headers = chineseHeaders(datasets.residents, keys).map((h) =>
    h === '身份证号' ? '证件号码' : h,
  );
  const file = path.join(tempDir(), 'residents.csv');
  writeCsv(file, headers, { keys, rows: [row] });
  return importFile(ctx, {
    dataset: 'residents',
    filePath: file,
    source,
    actor: { id: user.id, name: user.username },
    scope: scopeOf(user.jurisdiction_code),
  }).catch((error: unknown) => error);
}

describeForEachDatabase('saved column names', (current) => {
  it('keep each jurisdiction’s own, change only by its reviewers, and are named by the import', async () => {
    const ctx = current();
    const server = await serverFor(ctx);
    const clerk102 = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: town102 });
    const reviewer102 = await createTestUser(ctx, { role: 'reviewer', jurisdictionCode: town102 });
    const countyClerk = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: county });
    const countyReviewer = await createTestUser(ctx, {
      role: 'reviewer',
      jurisdictionCode: county,
    });
    const put = async (user: UserRow, mapping: Record<string, string>) =>
      server.inject({
        method: 'PUT',
        url,
        headers: { cookie: await sessionCookieFor(ctx, user) },
        payload: { mapping },
      });

    // The attack: a township clerk swaps 姓名 and 住址 for the county's next import.
    const swap = { 姓名: 'address', 住址: 'name' };
    expect((await put(clerk102, swap)).json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    // A reviewer may not repoint the template's own headers either.
    const refused = await put(reviewer102, swap);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('标准列名');

    // The township's reviewer saves the township's own mapping.
    const saved = await put(reviewer102, { 证件号码: 'id_number' });
    expect(saved.json()).toMatchObject({
      mapping: { 证件号码: 'id_number' },
      jurisdictionCode: town102,
      savedBy: reviewer102.username,
    });
    const township = await importResidents(ctx, clerk102, '431226102201');
    expect(township).toMatchObject({
      accepted: 1,
      header_mapping: { source, jurisdiction_code: town102, saved_by: reviewer102.username },
    });
    // The county's import does not see it: its file lacks 身份证号.
    const countyFirst = await importResidents(ctx, countyClerk, '431226101001');
    expect(countyFirst).toMatchObject({ code: 'HEADER_INCOMPLETE' });

    // The county's own mapping applies in the county, and below it where none is saved.
    await put(countyReviewer, { 证件号码: 'id_number', 户籍地址: 'address' });
    const countyNext = await importResidents(ctx, countyClerk, '431226101001');
    expect(countyNext).toMatchObject({
      accepted: 1,
      header_mapping: { jurisdiction_code: county, columns: 2 },
    });
    const other = await createTestUser(ctx, { role: 'clerk', jurisdictionCode: '431226101000' });
    expect(await importResidents(ctx, other, '431226101002')).toMatchObject({
      header_mapping: { jurisdiction_code: county },
    });
    const shown = await server.inject({
      method: 'GET',
      url,
      headers: { cookie: await sessionCookieFor(ctx, clerk102) },
    });
    expect(shown.json()).toMatchObject({ jurisdictionCode: town102 });

    const trail = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'jurisdiction_code'])
      .where('action', '=', 'header_mapping.save')
      .orderBy('seq')
      .execute();
    expect(trail).toEqual([
      { action: 'header_mapping.save', jurisdiction_code: town102 },
      { action: 'header_mapping.save', jurisdiction_code: county },
    ]);
    await server.close();
  });
});
