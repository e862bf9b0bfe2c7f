import { JianduError } from '../../core/errors.js';

function systemCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * A file-system failure as a JianduError a clerk can act on, or undefined when `error` is
 * not one (zlib and parser errors carry codes too, but not of the E… kind).
 */
export function fileError(path: string, error: unknown): JianduError | undefined {
  const code = systemCode(error);
  switch (code) {
    case undefined:
      return undefined;
    case 'ENOENT':
    case 'ENOTDIR':
      return new JianduError('FILE_NOT_FOUND', { path }, { cause: error });
    case 'EISDIR':
      return new JianduError(
        'FILE_UNREADABLE',
        { path, detail: { zh: '这是一个文件夹，不是文件', en: 'it is a folder, not a file' } },
        { cause: error },
      );
    case 'EACCES':
    case 'EPERM':
      return new JianduError(
        'FILE_UNREADABLE',
        { path, detail: { zh: '没有读取权限', en: 'permission denied' } },
        { cause: error },
      );
    default:
      return new JianduError(
        'FILE_UNREADABLE',
        { path, detail: { zh: `系统错误 ${code}`, en: `system error ${code}` } },
        { cause: error },
      );
  }
}
