import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../appContext.js';
import { dataDirectory } from '../dataDirectory.js';

/**
 * The built-in administrator's one-time password is also kept in a file readable by the
 * operator only, so that it cannot scroll away on the terminal; the file goes when the
 * administrator sets their own password.
 */
const fileName = 'admin-password.txt';

export function oneTimePasswordPath(ctx: AppContext): string {
  return path.join(dataDirectory(ctx), fileName);
}

/** Writes (or replaces) the file, mode 0600; returns its path. */
export function writeOneTimePasswordFile(ctx: AppContext, password: string): string {
  const file = oneTimePasswordPath(ctx);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Removing first: an existing file would keep its old permissions.
  fs.rmSync(file, { force: true });
  fs.writeFileSync(
    file,
    [
      '# Jiandu 内置管理员 admin 的一次性密码。首次登录后须修改，修改后本文件自动删除。',
      '# One-time password of the built-in administrator "admin"; it must be changed at first',
      '# sign-in, and this file is then removed.',
      password,
      '',
    ].join('\n'),
    { mode: 0o600, flag: 'wx' },
  );
  return file;
}

/** The password the file holds, or null when there is none. */
export function readOneTimePasswordFile(ctx: AppContext): string | null {
  let text: string;
  try {
    text = fs.readFileSync(oneTimePasswordPath(ctx), 'utf8');
  } catch {
    return null;
  }
  const line = text.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
  return line?.trim() ?? null;
}

export function removeOneTimePasswordFile(ctx: AppContext): void {
  fs.rmSync(oneTimePasswordPath(ctx), { force: true });
}
