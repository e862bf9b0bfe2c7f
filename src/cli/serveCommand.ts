import { parseArgs } from 'node:util';
import { JianduError } from '../core/errors.js';
import type { AppContext } from '../appContext.js';
import { builtInAdministrator } from '../auth/createAdministrator.js';
import {
  oneTimePasswordPath,
  readOneTimePasswordFile,
  removeOneTimePasswordFile,
} from '../auth/oneTimePasswordFile.js';
import { verifyPassword } from '../auth/passwords.js';
import { findUserByUsername } from '../auth/usersRepository.js';
import { buildServer } from '../server/buildServer.js';
import { parseLogMode, serverLogger } from '../server/serverLogger.js';
import { commonOptions, parseCommandArgs, parsePort } from './args.js';
import { openContext } from './openContext.js';
import { oneTimePasswordNotice } from './oneTimePasswordNotice.js';
import type { Output } from './output.js';

export const serveHelp = {
  zh: `jiandu serve [--port 端口] [--host 地址] [--log quiet|requests|json|off] [--log-file 文件]
  启动网站（公众门户、监督工作台、API），默认 http://127.0.0.1:8080，按 Ctrl+C 停止。
  --log 终端日志：quiet（默认，只显示警告和错误）、requests（每个请求一行）、json（JSON 行，供日志采集）、off。
  --log-file 另把全部日志（含每个请求）以 JSON 行追加到该文件（仅当前用户可读）。也可用 JIANDU_LOG、JIANDU_LOG_FILE。`,
  en: `jiandu serve [--port N] [--host H] [--log quiet|requests|json|off] [--log-file FILE]
  Starts the web server (portal, console, API), by default http://127.0.0.1:8080; Ctrl+C stops it.
  --log: the terminal's log: quiet (default: warnings and errors), requests (a line per request),
  json (JSON lines for a log collector), off. --log-file appends every log line (requests too) as
  JSON to FILE (readable by you only). Also JIANDU_LOG and JIANDU_LOG_FILE.`,
};

export async function serveCommand(args: string[], out: Output): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        port: { type: 'string' },
        host: { type: 'string' },
        log: { type: 'string' },
        'log-file': { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }),
  );
  const port = parsePort(values.port ?? process.env.JIANDU_PORT, 8080);
  const host = values.host ?? process.env.JIANDU_HOST ?? '127.0.0.1';
  const mode = parseLogMode(values.log ?? process.env.JIANDU_LOG);
  const logFile = values['log-file'] ?? (process.env.JIANDU_LOG_FILE || null);
  const log = serverLogger({ mode, file: logFile });
  const ctx = await openContext(values.db).catch((error: unknown) => {
    log.close();
    throw error;
  });
  let server;
  try {
    server = await buildServer(ctx, { logger: log.logger });
  } catch (error) {
    await ctx.handle.close();
    log.close();
    throw error;
  }
  try {
    await server.listen({ port, host });
  } catch (error) {
    await server.close();
    await ctx.handle.close();
    log.close();
    if (
      typeof error === 'object' &&
      error !== null &&
      (error as { code?: string }).code === 'EADDRINUSE'
    ) {
      throw new JianduError('PORT_IN_USE', { port });
    }
    throw error;
  }
  const address = server.server.address();
  const shown =
    address && typeof address === 'object'
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : '';
  out.say(
    out.t(
      `Jiandu 已启动：${shown}/ （公众门户）  ${shown}/console/ （监督工作台）  数据库：${ctx.handle.label}`,
      `Jiandu is running: ${shown}/ (public portal)  ${shown}/console/ (console)  database: ${ctx.handle.label}`,
    ),
  );
  const password = await pendingOneTimePassword(ctx);
  if (password) {
    out.say(oneTimePasswordNotice(out, builtInAdministrator, password, oneTimePasswordPath(ctx)));
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out.say(out.t('正在停止……', 'Stopping…'));
  await server.close();
  await ctx.handle.close();
  log.close();
  return 0;
}

/**
 * The administrator's one-time password while it is still unchanged and its file is there,
 * so that a restarted server shows it again; a file left after the change is removed.
 */
async function pendingOneTimePassword(ctx: AppContext): Promise<string | null> {
  const password = readOneTimePasswordFile(ctx);
  if (password === null) return null;
  const admin = await findUserByUsername(ctx.handle.db, builtInAdministrator);
  // Checked against the hash: a stale copy must not be shown as the password.
  if (
    admin?.must_change_password === 1 &&
    admin.active === 1 &&
    (await verifyPassword(admin.password_hash, password))
  ) {
    return password;
  }
  removeOneTimePasswordFile(ctx);
  return null;
}
