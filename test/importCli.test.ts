import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { resolveDatabaseTarget } from '../src/db/databaseTarget.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { datasets } from '../src/ingest/datasets/index.js';
import { chineseHeaders, writeCsv } from './factories/templateFiles.js';
import { templateRow } from './factories/templateRows.js';
import { recordingOutput } from './helpers/cli.js';
import { dialects, emptyDatabaseTarget, tempDir } from './helpers/databases.js';

/** `jiandu import`, `jiandu quarantine` and `jiandu batch` as docs/reference/cli.md says. */
const dir = tempDir('jiandu-import-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const output = recordingOutput();
  const code = await runCli(args, output);
  return { code, out: output.lines, err: output.errors };
}

function paymentFile(rows: Record<string, string>[], name: string): string {
  const definition = datasets.disbursements;
  const keys = definition.fields.map((f) => f.key);
  const file = path.join(dir, `${name}.csv`);
  writeCsv(file, chineseHeaders(definition, keys), { keys, rows });
  return file;
}

for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(
    `import from the command line [${dialect}]`,
    () => {
      let cleanup: (() => Promise<void>) | null = null;
      afterEach(async () => {
        await cleanup?.();
        cleanup = null;
      });

      async function database(): Promise<string> {
        const target = await emptyDatabaseTarget(dialect);
        cleanup = target.destroy;
        expect((await cli(['init', '--db', target.target])).code).toBe(0);
        for (const [name, role] of [
          ['clerk1', 'clerk'],
          ['reviewer1', 'reviewer'],
        ]) {
          expect(
            (
              await cli([
                'user',
                'add',
                name!,
                '--role',
                role!,
                '--region',
                '431226',
                '--db',
                target.target,
              ])
            ).code,
          ).toBe(0);
        }
        return target.target;
      }

      it('imports, quarantines with reasons, takes a fix file back, and is approved by a second person', async () => {
        const db = await database();
        const good = templateRow('disbursements');
        const bad = {
          ...templateRow('disbursements'),
          id_number: '4.31226E+17',
          pay_date: '2023-02-29',
        };
        const file = paymentFile([good, bad], `payments-${dialect}`);
        const imported = await cli([
          'import',
          'disbursements',
          file,
          '--source',
          '县民政局',
          '--json',
          '--as',
          'clerk1',
          '--db',
          db,
        ]);
        expect(imported.code).toBe(0);
        const summary = JSON.parse(imported.out[0]!) as Record<string, unknown>;
        expect(summary).toMatchObject({
          rows: 2,
          accepted: 1,
          quarantined: 1,
          duplicates: 0,
          status: 'pending',
          source: '县民政局',
        });
        expect(summary.quality).toMatchObject({ validity: { score: 50, valid: 1, rows: 2 } });
        const batch = String(summary.batch_id);

        const jsonl = await cli(['quarantine', batch, '--format', 'jsonl', '--db', db]);
        expect(jsonl.out.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
          expect.objectContaining({
            row: 3,
            column: '身份证号',
            value: '4.31226E+17',
            code: 'id.scientific',
          }),
          expect.objectContaining({
            row: 3,
            column: '发放日期',
            value: '2023-02-29',
            reason: '日期不存在',
          }),
        ]);
        const csv = await cli(['quarantine', batch, '--format', 'csv', '--db', db]);
        expect(csv.out[0]).toBe('row,column,value,reason');
        expect(csv.out[1]).toMatch(/^3,身份证号,4\.31226E\+17,身份证号被 Excel 转成了科学计数法/);

        // The clerk exports the fix file, corrects the cells and imports it against the batch.
        const fixFile = path.join(dir, `fix-${dialect}.csv`);
        expect((await cli(['quarantine', batch, '--export', fixFile, '--db', db])).code).toBe(0);
        const exported = fs.readFileSync(fixFile, 'utf8');
        expect(exported).toContain('原行号');
        expect(exported).toContain('问题原因');
        const fixedId = templateRow('disbursements').id_number!;
        fs.writeFileSync(
          fixFile,
          exported.replace('4.31226E+17', fixedId).replace('2023-02-29', '2024-02-29'),
        );
        const fixed = await cli([
          'import',
          'disbursements',
          fixFile,
          '--source',
          '县民政局',
          '--fixes',
          batch,
          '--json',
          '--as',
          'clerk1',
          '--db',
          db,
        ]);
        expect(fixed.code).toBe(0);
        expect(JSON.parse(fixed.out[0]!)).toMatchObject({
          status: 'merged',
          merged_into: Number(batch),
          accepted: 1,
          quarantined: 0,
        });
        const shown = await cli(['batch', 'show', batch, '--json', '--db', db]);
        expect(JSON.parse(shown.out[0]!)).toMatchObject({
          status: 'pending',
          accepted: 2,
          quarantined: 0,
        });
        expect((await cli(['quarantine', batch, '--db', db])).out).toEqual([
          `批次 ${batch} 没有隔离行`,
        ]);

        const self = await cli(['batch', 'approve', batch, '--as', 'clerk1', '--db', db]);
        expect(self.code).toBe(1);
        const approved = await cli([
          'batch',
          'approve',
          batch,
          '--as',
          'reviewer1',
          '--json',
          '--db',
          db,
        ]);
        expect(approved.code).toBe(0);
        expect(JSON.parse(approved.out[0]!)).toMatchObject({
          status: 'approved',
          reviewedBy: 'reviewer1',
        });
        expect((await cli(['audit', 'verify', '--db', db])).code).toBe(0);
      });

      it('approves at once with --approve for an administrator, as an audited override', async () => {
        const db = await database();
        const file = paymentFile([templateRow('disbursements')], `approve-${dialect}`);
        const result = await cli([
          'import',
          'disbursements',
          file,
          '--approve',
          '--override',
          '县局要求当日生效',
          '--json',
          '--db',
          db,
        ]);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.out[0]!)).toMatchObject({ status: 'approved', accepted: 1 });
        const clerk = await cli([
          'import',
          'disbursements',
          file,
          '--approve',
          '--as',
          'clerk1',
          '--db',
          db,
        ]);
        expect(clerk.code).toBe(1);
        expect(clerk.err[0]).toContain('您的角色无权进行此操作');
      });

      it('approves with --approve only under the console’s rules: a low-quality or own batch needs --override and a reason', async () => {
        const db = await database();
        const bad = { ...templateRow('disbursements'), id_number: '4.31226E+17' };
        const lowQuality = paymentFile([templateRow('disbursements'), bad], `low-${dialect}`);
        // No override: the import succeeds, the batch stays pending, and the reason is given.
        const refused = await cli([
          'import',
          'disbursements',
          lowQuality,
          '--approve',
          '--json',
          '--db',
          db,
        ]);
        expect(refused.code).toBe(0);
        const summary = JSON.parse(refused.out[0]!) as { batch_id: number; status: string };
        expect(summary).toMatchObject({
          status: 'pending',
          approval_refused: [{ code: 'REVIEW_SELF' }, { code: 'QUALITY_BELOW_THRESHOLD' }],
        });
        expect(refused.err.join('\n')).toContain('有效率为 50 分，低于 90 分的要求');
        expect(refused.err.join('\n')).toContain(`批次 ${summary.batch_id} 保持待审核`);
        // jiandu batch approve keeps the same rule: another reviewer needs the override too.
        const second = await cli([
          'batch',
          'approve',
          String(summary.batch_id),
          '--as',
          'reviewer1',
          '--db',
          db,
        ]);
        expect(second.code).toBe(1);
        expect(second.err[0]).toContain('有效率为 50 分');
        const shown = await cli(['batch', 'show', String(summary.batch_id), '--json', '--db', db]);
        expect(JSON.parse(shown.out[0]!)).toMatchObject({ status: 'pending' });

        // A good batch of one's own import is no different for an administrator.
        const own = await cli([
          'import',
          'disbursements',
          paymentFile([templateRow('disbursements')], `own-${dialect}`),
          '--approve',
          '--json',
          '--db',
          db,
        ]);
        expect(own.code).toBe(0);
        expect(JSON.parse(own.out[0]!)).toMatchObject({
          status: 'pending',
          approval_refused: [{ code: 'REVIEW_SELF' }],
        });

        // A reviewer cannot approve their own import at all.
        const reviewer = await cli([
          'import',
          'disbursements',
          paymentFile([templateRow('disbursements')], `reviewer-${dialect}`),
          '--approve',
          '--as',
          'reviewer1',
          '--db',
          db,
        ]);
        expect(reviewer.code).toBe(0);
        expect(reviewer.out.join('\n')).toContain('状态：待审核');
        expect(reviewer.err.join('\n')).toContain('不能审核自己导入的批次');

        // An empty reason, or --override without --approve, is refused before anything is read.
        const empty = await cli([
          'import',
          'disbursements',
          lowQuality,
          '--approve',
          '--override',
          ' ',
          '--db',
          db,
        ]);
        expect(empty.code).toBe(1);
        expect(empty.err[0]).toContain('请填写理由');
        const alone = await cli([
          'import',
          'disbursements',
          lowQuality,
          '--override',
          '理由',
          '--db',
          db,
        ]);
        expect(alone.code).toBe(1);
        expect(alone.err[0]).toContain('--override 须与 --approve 一起使用');

        // With the override and its reason the batch goes live, and the trail keeps both.
        const reason = '县局要求当日生效，错行另行更正';
        const overridden = await cli([
          'import',
          'disbursements',
          lowQuality,
          '--source',
          '县财政局',
          '--approve',
          '--override',
          reason,
          '--json',
          '--db',
          db,
        ]);
        expect(overridden.code).toBe(0);
        const approved = JSON.parse(overridden.out[0]!) as { batch_id: number; status: string };
        expect(approved.status).toBe('approved');
        const handle = await openDatabase(resolveDatabaseTarget(db));
        try {
          const entry = await handle.db
            .selectFrom('audit_log')
            .select(['action', 'after'])
            .where('entity', '=', 'batch')
            .where('entity_ids', '=', JSON.stringify([String(approved.batch_id)]))
            .where('action', 'like', 'batch.approve%')
            .executeTakeFirstOrThrow();
          expect(entry.action).toBe('batch.approve_override');
          expect(JSON.parse(entry.after!)).toMatchObject({
            override: true,
            own_import: true,
            reason,
            validity: 50,
            threshold: 90,
          });
          const batches = await handle.db
            .selectFrom('ingest_batches')
            .select(['id', 'status'])
            .orderBy('id')
            .execute();
          expect(batches.map((b) => b.status)).toEqual([
            'pending',
            'pending',
            'pending',
            'approved',
          ]);
        } finally {
          await handle.close();
        }
      });

      it('manages exchange credentials for administrators only', async () => {
        const db = await database();
        const added = await cli([
          'exchange',
          'add',
          '殡葬系统',
          '--source',
          '县殡仪馆',
          '--datasets',
          'deaths,residents',
          '--db',
          db,
        ]);
        expect(added.code).toBe(0);
        expect(added.out.join('\n').split('\n')[1]).toMatch(/^jdx_[\w-]{32}$/);
        expect((await cli(['exchange', 'list', '--db', db])).out).toEqual([
          expect.stringMatching(/^1\t殡葬系统\t县殡仪馆\tdeaths,residents\t431226000000\t有效$/),
        ]);
        expect(
          (
            await cli([
              'exchange',
              'add',
              'x',
              '--source',
              'y',
              '--datasets',
              'salaries',
              '--db',
              db,
            ])
          ).code,
        ).toBe(1);
        expect((await cli(['exchange', 'list', '--as', 'clerk1', '--db', db])).code).toBe(1);
        expect((await cli(['exchange', 'revoke', '1', '--db', db])).code).toBe(0);
        expect((await cli(['exchange', 'list', '--db', db])).out[0]).toMatch(/已停用$/);
      });

      it('exits 1 when the file cannot be read at all', async () => {
        const db = await database();
        const missing = await cli([
          'import',
          'disbursements',
          path.join(dir, 'nope.csv'),
          '--db',
          db,
        ]);
        expect(missing).toMatchObject({ code: 1 });
        expect(missing.err[0]).toContain('找不到文件');
        const unknown = await cli([
          'import',
          'salaries',
          paymentFile([templateRow('disbursements')], `x-${dialect}`),
          '--db',
          db,
        ]);
        expect(unknown.code).toBe(1);
        expect(unknown.err[0]).toContain('未知的数据集 salaries');
        // An unknown dataset is named even when the file does not exist either.
        const neither = await cli(['import', 'nosuch', path.join(dir, 'x.csv'), '--db', db]);
        expect(neither.code).toBe(1);
        expect(neither.err[0]).toContain('未知的数据集 nosuch');
        expect(neither.err[0]).not.toContain('找不到文件');
        const headerless = path.join(dir, `headerless-${dialect}.csv`);
        fs.writeFileSync(headerless, '甲,乙,丙\n1,2,3\n');
        const noHeader = await cli(['import', 'disbursements', headerless, '--db', db]);
        expect(noHeader.code).toBe(1);
        expect(noHeader.err[0]).toContain('找不到“民生资金发放明细”模板的表头');
        const partial = path.join(dir, `partial-${dialect}.csv`);
        fs.writeFileSync(partial, '身份证号,姓名\n');
        const incomplete = await cli(['import', 'disbursements', partial, '--db', db]);
        expect(incomplete.code).toBe(1);
        expect(incomplete.err[0]).toContain('缺少必填列：发放记录号、项目代码');
        const batches = await cli(['batch', 'list', '--json', '--db', db]);
        expect(JSON.parse(batches.out[0]!)).toEqual([]);
      });
    },
  );
}
