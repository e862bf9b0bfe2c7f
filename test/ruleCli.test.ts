import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { heavyTruckRule } from './factories/customRules.js';
import { recordingOutput } from './helpers/cli.js';
import { tempDir } from './helpers/databases.js';

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
