import path from 'node:path';
import type { AppContext } from './appContext.js';

/**
 * The deployment's data folder: JIANDU_DATA_DIR, else the SQLite file's folder, else ./data.
 * Uploads waiting for their import and the administrator's one-time password live here.
 */
export function dataDirectory(ctx: AppContext): string {
  if (ctx.config.dataDir) return path.resolve(ctx.config.dataDir);
  const target = ctx.handle.target;
  if (target.kind === 'sqlite' && target.file !== ':memory:') {
    return path.dirname(path.resolve(target.file));
  }
  return path.resolve('data');
}
