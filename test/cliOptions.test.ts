import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { recordingOutput } from './helpers/cli.js';

const commands = [
  ['init'],
  ['import', 'disbursements', 'x.csv'],
  ['quarantine', '1'],
  ['batch', 'list'],
  ['exchange', 'list'],
  ['scan'],
  ['rule', 'list'],
  ['warnings'],
  ['serve'],
  ['audit', 'verify'],
  ['user', 'list'],
];

/** Every command answers a mistyped option plainly, with its usage (docs/reference/cli.md). */
describe('a command line that does not parse', () => {
  it('names the unknown option in Chinese and shows the command’s usage, for every command', async () => {
    for (const command of commands) {
      const out = recordingOutput();
      const code = await runCli([...command, '--frobnicate', '--db', '/nonexistent/x.db'], out);
      const text = out.errors.join('\n');
      expect(code, command.join(' ')).toBe(1);
      expect(text, command.join(' ')).toContain('错误：参数错误：没有 --frobnicate 这个选项');
      expect(text, command.join(' ')).toContain('用法：');
      expect(text, command.join(' ')).toContain(`jiandu ${command[0]!}`);
      expect(text, command.join(' ')).not.toContain('Unknown option');
      expect(out.lines).toEqual([]);
    }
  });

  it('says which option lacks a value or takes none, and which argument is extra', async () => {
    const missing = recordingOutput();
    expect(await runCli(['warnings', '--format'], missing)).toBe(1);
    expect(missing.errors[0]).toContain('选项 --format 后面缺少取值');
    const extra = recordingOutput();
    expect(await runCli(['scan', '--json=yes'], extra)).toBe(1);
    expect(extra.errors[0]).toContain('选项 --json 后面不能跟取值');
    const positional = recordingOutput();
    expect(await runCli(['scan', 'now'], positional)).toBe(1);
    expect(positional.errors[0]).toContain('多余的参数 now');
    expect(positional.errors[1]).toContain('jiandu scan [--full]');
  });

  it('speaks English with JIANDU_LANG=en', async () => {
    const out = {
      ...recordingOutput(),
      language: 'en' as const,
      t: (_zh: string, en: string) => en,
    };
    const errors: string[] = [];
    out.warn = (line) => errors.push(line);
    expect(await runCli(['rule', 'list', '--colour'], out)).toBe(1);
    expect(errors[0]).toBe('error: Invalid argument: there is no option --colour');
    expect(errors[1]).toContain('Usage:');
    expect(errors[1]).toContain('jiandu rule list');
  });
});
