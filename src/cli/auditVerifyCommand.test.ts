import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingOutput, runJiandu } from '../../test/helpers/cli.js';
import { dialects, emptyDatabaseTarget } from '../../test/helpers/databases.js';
import { inject } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { resolveDatabaseTarget } from '../db/databaseTarget.js';
import { runCli } from './main.js';

/** `jiandu audit verify` on SQLite and PostgreSQL: exit 0 intact, 3 naming the first broken entry. */
for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(
    `jiandu audit verify [${dialect}]`,
    () => {
      let cleanup: (() => Promise<void>) | null = null;
      afterEach(async () => {
        await cleanup?.();
        cleanup = null;
      });

      /** A database after init and two more commands: several chained entries. */
      async function initialised(): Promise<string> {
        const target = await emptyDatabaseTarget(dialect);
        cleanup = target.destroy;
        const out = recordingOutput();
        expect(await runCli(['init', '--db', target.target], out)).toBe(0);
        expect(
          await runCli(
            [
              'user',
              'add',
              'clerk1',
              '--role',
              'clerk',
              '--region',
              '431226101',
              '--db',
              target.target,
            ],
            out,
          ),
        ).toBe(0);
        expect(
          await runCli(
            [
              'user',
              'add',
              'clerk2',
              '--role',
              'clerk',
              '--region',
              '431226102',
              '--db',
              target.target,
            ],
            out,
          ),
        ).toBe(0);
        return target.target;
      }

      /** Runs SQL as someone with direct access to the database, past the append-only guard. */
      async function tamper(target: string, statements: string[]): Promise<void> {
        const handle = await openDatabase(resolveDatabaseTarget(target));
        try {
          if (handle.dialect === 'postgres') {
            await sql`alter table audit_log disable trigger user`.execute(handle.db);
          } else {
            await sql`drop trigger audit_log_no_update`.execute(handle.db);
            await sql`drop trigger audit_log_no_delete`.execute(handle.db);
          }
          for (const statement of statements) await sql.raw(statement).execute(handle.db);
        } finally {
          await handle.close();
        }
      }

      async function verify(target: string): Promise<{ code: number; text: string }> {
        const out = recordingOutput();
        const code = await runCli(['audit', 'verify', '--db', target], out);
        return { code, text: [...out.lines, ...out.errors].join('\n') };
      }

      it('passes on an untouched database', async () => {
        const target = await initialised();
        const result = await verify(target);
        expect(result.code).toBe(0);
        expect(result.text).toMatch(/审计链完整：共 \d+ 条记录/);
      });

      it('fails with exit code 3 naming an edited entry', async () => {
        const target = await initialised();
        await tamper(target, [`update audit_log set actor_name = 'someone-else' where seq = 2`]);
        expect(await verify(target)).toEqual({
          code: 3,
          text: '审计链在第 2 条记录处断裂：该条记录的内容被修改过（哈希不符）',
        });
      });

      it('fails with exit code 3 naming a deleted entry', async () => {
        const target = await initialised();
        await tamper(target, ['delete from audit_log where seq = 3']);
        expect(await verify(target)).toEqual({
          code: 3,
          text: '审计链在第 3 条记录处断裂：该序号的记录缺失（被删除）',
        });
      });

      it('fails with exit code 3 naming the first of two swapped entries', async () => {
        const target = await initialised();
        await tamper(target, [
          'update audit_log set seq = -4 where seq = 4',
          'update audit_log set seq = 4 where seq = 5',
          'update audit_log set seq = 5 where seq = -4',
        ]);
        const result = await verify(target);
        expect(result.code).toBe(3);
        expect(result.text).toContain('审计链在第 4 条记录处断裂');
      });

      it('exits 3 from the real command too', async () => {
        const target = await initialised();
        await tamper(target, [`update audit_log set after = null where seq = 1`]);
        const result = await runJiandu(['audit', 'verify', '--db', target]);
        expect(result.code).toBe(3);
        expect(result.stderr).toContain('审计链在第 1 条记录处断裂');
      });
    },
  );
}
