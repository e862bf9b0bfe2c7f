import type { ParseArgsConfig } from 'node:util';
import { JianduError } from '../core/errors.js';

/** Options every command accepts. */
export const commonOptions = {
  db: { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** What node:util parseArgs refused, in plain words (its own messages are English only). */
function usageDetail(error: unknown): { zh: string; en: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  // parseArgs quotes the option or argument it refuses: "Unknown option '--region'. …"
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { zh: `没有 ${option} 这个选项`, en: `there is no option ${option}` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? { zh: `选项 ${option} 后面不能跟取值`, en: `option ${option} takes no value` }
        : { zh: `选项 ${option} 后面缺少取值`, en: `option ${option} needs a value` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { zh: `多余的参数 ${option}`, en: `unexpected argument ${option}` };
    default:
      return { zh: message.split('\n')[0]!, en: message.split('\n')[0]! };
  }
}

/**
 * Runs node:util parseArgs (strict) and turns its errors into USAGE, which names the
 * option in plain Chinese (or English); the command line then prints the command's usage.
 */
export function parseCommandArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new JianduError('USAGE', { detail: usageDetail(error) });
  }
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `--port ${value}: a number from 0 to 65535`,
    });
  }
  return port;
}
