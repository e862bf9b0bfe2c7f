import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { resolveDatabaseTarget } from '../src/db/databaseTarget.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { heavyTruckRule } from './factories/customRules.js';
import { recordingOutput } from './helpers/cli.js';
import { dialects, emptyDatabaseTarget, tempDir } from './helpers/databases.js';

/** An administrator tunes the rules of the jurisdiction from the command line. */
describe('jiandu rule', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'rules.db');

  async function cli(...args: string[]): Promise<{ code: number; text: string }> {
    const out = recordingOutput();
    const code = await runCli([...args, '--db', db], out);
    return { code, text: [...out.lines, ...out.errors].join('\n') };
  }

  it('lists, switches, tunes and extends the rules, each change followed by a full scan', async () => {
    expect((await cli('init', '--demo')).code).toBe(0);
    const listed = await cli('rule', 'list');
    expect(listed.text.split('\n')).toHaveLength(16);
    expect(listed.text).toContain('R05\t有车人员领取\t中\t启用\t内置');

    expect((await cli('rule', 'disable', 'R14')).text).toBe('已在本辖区停用 R14');
    expect((await cli('rule', 'list')).text).toContain('R14\t办理超时\t低\t停用\t内置');
    const scan = await cli('scan', '--json');
    const scanned = JSON.parse(scan.text) as { kind: string; hits: Record<string, number> };
    expect(scanned.kind).toBe('full');
    expect(scanned.hits).not.toHaveProperty('R14');

    expect((await cli('rule', 'params', 'R05', '{"nonsense":1}')).text).toContain(
      'R05 没有参数 nonsense（可设：exemptVehicleTypes）',
    );
    expect((await cli('rule', 'params', 'R05', '{"exemptVehicleTypes":[]}')).code).toBe(0);

    const file = path.join(dir, 'c01.json');
    fs.writeFileSync(file, JSON.stringify(heavyTruckRule));
    expect((await cli('rule', 'add', file)).text).toBe(
      '已保存自定义规则 C01（第 1 版），下次比对生效',
    );
    expect((await cli('rule', 'list')).text).toContain(
      'C01\t耕地补贴领取人名下有货车\t低\t启用\t自定义 v1',
    );
    const calendar = path.join(dir, 'holidays.json');
    fs.writeFileSync(calendar, JSON.stringify({ '2024-10-01': false, '2024-10-12': true }));
    expect((await cli('rule', 'calendar', calendar)).code).toBe(0);
    fs.writeFileSync(calendar, '{"October": true}');
    expect((await cli('rule', 'calendar', calendar)).code).toBe(1);
    expect((await cli('rule', 'disable', 'R05', '--as', 'nobody')).code).toBe(1);
    const after = JSON.parse((await cli('scan', '--json')).text) as {
      kind: string;
      hits: Record<string, number>;
    };
    expect(after.kind).toBe('full');
    expect(after.hits).toHaveProperty('C01');
  }, 120_000);
});

for (const dialect of dialects) {
  describe.skipIf(dialect === 'postgres' && !inject('pgTemplate'))(
    `jiandu rule for one division [${dialect}]`,
    () => {
      let cleanup: (() => Promise<void>) | null = null;
      afterEach(async () => {
        await cleanup?.();
        cleanup = null;
      });

      it('sets a township’s own thresholds and switches, for an administrator over it, audited', async () => {
        const target = await emptyDatabaseTarget(dialect);
        cleanup = target.destroy;
        const db = target.target;
        const cli = async (...args: string[]): Promise<{ code: number; text: string }> => {
          const out = recordingOutput();
          const code = await runCli([...args, '--db', db], out);
          return { code, text: [...out.lines, ...out.errors].join('\n') };
        };
        expect((await cli('init')).code).toBe(0);
        expect(
          (await cli('user', 'add', 'clerk1', '--role', 'clerk', '--region', '431226')).code,
        ).toBe(0);
        expect(
          (await cli('user', 'add', 'town2', '--role', 'admin', '--region', '431226102')).code,
        ).toBe(0);

        const set = await cli('rule', 'params', 'R06', '{"minHomes":3}', '--region', '431226101');
        expect(set.code).toBe(0);
        expect(set.text).toMatch(
          /^已设置 R06 在湖南省 怀化市 麻阳苗族自治县 \S+（431226101000）的参数/,
        );
        expect((await cli('rule', 'disable', 'R05', '--region', '431226101')).code).toBe(0);
        expect((await cli('rule', 'list', '--region', '431226101')).text).toContain(
          'R05\t有车人员领取\t中\t停用\t内置',
        );
        expect((await cli('rule', 'list')).text).toContain('R05\t有车人员领取\t中\t启用\t内置');

        // Outside the administrator's jurisdiction, for another role, or nowhere at all: refused.
        const outside = await cli(
          'rule',
          'params',
          'R06',
          '{"minHomes":4}',
          '--region',
          '431226101',
          '--as',
          'town2',
        );
        expect(outside.code).toBe(1);
        expect(outside.text).toContain('区划 431226101000 不在您的管辖范围内');
        const clerk = await cli(
          'rule',
          'params',
          'R06',
          '{"minHomes":4}',
          '--region',
          '431226101',
          '--as',
          'clerk1',
        );
        expect(clerk.code).toBe(1);
        expect(clerk.text).toContain('您的角色无权进行此操作');
        const nowhere = await cli('rule', 'params', 'R06', '{"minHomes":4}', '--region', '999999');
        expect(nowhere.code).toBe(1);
        expect(nowhere.text).toContain('区划代码 999999 不在全国统计用区划代码表中');
        const deploymentWide = await cli('rule', 'calendar', 'x.json', '--region', '431226101');
        expect(deploymentWide.code).toBe(1);
        expect(deploymentWide.text).toContain('jiandu rule calendar 不接受 --region');

        const handle = await openDatabase(resolveDatabaseTarget(db));
        try {
          const settings = await handle.db
            .selectFrom('settings')
            .select(['key', 'jurisdiction_code', 'value'])
            .where('key', 'like', 'rules.%')
            .orderBy('key')
            .execute();
          expect(settings).toEqual([
            { key: 'rules.enabled', jurisdiction_code: '431226101000', value: '{"R05":false}' },
            { key: 'rules.params.R06', jurisdiction_code: '431226101000', value: '{"minHomes":3}' },
          ]);
          const audited = await handle.db
            .selectFrom('audit_log')
            .select(['actor_name', 'jurisdiction_code', 'after'])
            .where('action', '=', 'setting.write')
            .where('entity_ids', '=', JSON.stringify(['rules.params.R06']))
            .execute();
          expect(audited).toEqual([
            { actor_name: 'admin', jurisdiction_code: '431226101000', after: '{"minHomes":3}' },
          ]);
        } finally {
          await handle.close();
        }
      });
    },
  );
}
