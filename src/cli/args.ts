import type { ParseArgsConfig } from 'node:util';
import { JianduError } from '../core/errors.js';

/** Options every command accepts. */
export const commonOptions = {
  db: { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Runs node:util parseArgs (strict) and turns its errors into INVALID_ARGUMENT. */
export function parseCommandArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new JianduError('INVALID_ARGUMENT', { detail });
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
