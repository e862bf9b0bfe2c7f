import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Output } from '../../src/cli/output.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'bin', 'jiandu.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `jiandu` command in a child process. */
export function runJiandu(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, JIANDU_LOG: 'off', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** An Output that records what a command printed, for running commands in-process. */
export function recordingOutput(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    language: 'zh',
    lines,
    errors,
    say: (line) => lines.push(line),
    warn: (line) => errors.push(line),
    t: (zh) => zh,
  };
}

/** The one-time password printed by `jiandu init`. */
export function oneTimePasswordFrom(stdout: string): string {
  const match = /一次性密码：(\S+)/.exec(stdout);
  if (!match) throw new Error(`no one-time password in:\n${stdout}`);
  return match[1]!;
}
