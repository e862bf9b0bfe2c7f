import { JianduError, type Language } from '../core/errors.js';
import { redactText } from '../core/redact.js';
import { auditCommand, auditHelp } from './auditVerifyCommand.js';
import { batchCommand, batchHelp } from './batchCommand.js';
import { exchangeCommand, exchangeHelp } from './exchangeCommand.js';
import { importCommand, importHelp } from './importCommand.js';
import { initCommand, initHelp } from './initCommand.js';
import { leadCommand, leadHelp } from './leadCommand.js';
import { consoleOutput, type Output } from './output.js';
import { quarantineCommand, quarantineHelp } from './quarantineCommand.js';
import { ruleCommand, ruleHelp } from './ruleCommand.js';
import { scanCommand, scanHelp } from './scanCommand.js';
import { serveCommand, serveHelp } from './serveCommand.js';
import { userCommand, userHelp } from './userCommand.js';
import { warningsCommand, warningsHelp } from './warningsCommand.js';

type Command = (args: string[], out: Output) => Promise<number>;

/** Every command, by the word that names it; docs/reference/cli.md has a section for each. */
export const commands: Record<string, { run: Command; help: Record<Language, string> }> = {
  init: { run: initCommand, help: initHelp },
  import: { run: importCommand, help: importHelp },
  quarantine: { run: quarantineCommand, help: quarantineHelp },
  batch: { run: batchCommand, help: batchHelp },
  exchange: { run: exchangeCommand, help: exchangeHelp },
  scan: { run: scanCommand, help: scanHelp },
  rule: { run: ruleCommand, help: ruleHelp },
  warnings: { run: warningsCommand, help: warningsHelp },
  lead: { run: leadCommand, help: leadHelp },
  serve: { run: serveCommand, help: serveHelp },
  audit: { run: auditCommand, help: auditHelp },
  user: { run: userCommand, help: userHelp },
};

function usage(out: Output): string {
  const header = out.t(
    'Jiandu（监督）“互联网+监督”平台命令行\n\n用法：jiandu <命令> [选项]\n\n通用选项：--db 文件或 postgres:// 地址（也可用环境变量 JIANDU_DB、DATABASE_URL），--as 用户名\n',
    'Jiandu ("Internet + Supervision") command line\n\nUsage: jiandu <command> [options]\n\nCommon options: --db FILE or postgres:// URL (or JIANDU_DB, DATABASE_URL), --as USER\n',
  );
  return `${header}\n${Object.values(commands)
    .map((c) => c.help[out.language])
    .join('\n\n')}`;
}

/** Runs one command line; returns the exit code. Errors are mapped to codes here only. */
export async function runCli(argv: string[], out: Output = consoleOutput()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out.say(usage(out));
    return name === undefined ? 1 : 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new JianduError('UNKNOWN_COMMAND', { command: name });
    if (rest.includes('--help') || rest.includes('-h')) {
      out.say(command.help[out.language]);
      return 0;
    }
    return await command.run(rest, out);
  } catch (error) {
    if (error instanceof JianduError) {
      const zh = error.text('zh');
      const en = error.text('en');
      out.warn(out.language === 'en' ? `error: ${en}` : `错误：${zh}\n(${en})`);
      // A command line that does not parse: show how the command is used.
      if (error.code === 'USAGE' && command)
        out.warn(`${out.t('用法：', 'Usage:')}\n${command.help[out.language]}`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    out.warn(out.t(`内部错误：${redactText(detail)}`, `internal error: ${redactText(detail)}`));
    return 1;
  }
}
