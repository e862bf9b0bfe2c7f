import type { Language } from '../core/errors.js';
import { redactText } from '../core/redact.js';

/** The command line speaks Chinese by default; JIANDU_LANG=en switches to English. */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return env.JIANDU_LANG?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export interface Output {
  language: Language;
  /** A line for the user on standard output. */
  say(line: string): void;
  /** A line on standard error; identifiers are masked. */
  warn(line: string): void;
  /** Chooses the Chinese or English form. */
  t(zh: string, en: string): string;
}

export function consoleOutput(language: Language = cliLanguage()): Output {
  return {
    language,
    say: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${redactText(line)}\n`),
    t: (zh, en) => (language === 'en' ? en : zh),
  };
}
