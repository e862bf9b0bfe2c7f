import { parseArgs } from 'node:util';
import { JianduError } from '../core/errors.js';
import { buildServer } from '../server/buildServer.js';
import { commonOptions, parseCommandArgs, parsePort } from './args.js';
import { openContext } from './openContext.js';
import type { Output } from './output.js';

export const serveHelp = {
  zh: 'jiandu serve [--port 端口] [--host 地址]\n  启动网站（公众门户、监督工作台、API），默认 http://127.0.0.1:8080，按 Ctrl+C 停止。',
  en: 'jiandu serve [--port N] [--host H]\n  Starts the web server (portal, console, API), by default http://127.0.0.1:8080; Ctrl+C stops it.',
};

export async function serveCommand(args: string[], out: Output): Promise<number> {
  const { values } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: { ...commonOptions, port: { type: 'string' }, host: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    }),
  );
  const port = parsePort(values.port ?? process.env.JIANDU_PORT, 8080);
  const host = values.host ?? process.env.JIANDU_HOST ?? '127.0.0.1';
  const ctx = await openContext(values.db);
  const server = await buildServer(ctx, { logger: process.env.JIANDU_LOG !== 'off' });
  try {
    await server.listen({ port, host });
  } catch (error) {
    await server.close();
    await ctx.handle.close();
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
  return 0;
}
