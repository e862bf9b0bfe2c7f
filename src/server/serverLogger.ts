import fs from 'node:fs';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { JianduError } from '../core/errors.js';
import { redactText } from '../core/redact.js';

/**
 * How the server logs. The terminal is for the person who started it: `quiet` (the default)
 * shows warnings and errors as readable lines, `requests` adds one line per request, `json`
 * writes pino's JSON lines for a log collector, `off` writes nothing. A log file, when named,
 * gets every line (requests included) as JSON, whatever the terminal shows.
 */
export const logModes = ['quiet', 'requests', 'json', 'off'] as const;
export type LogMode = (typeof logModes)[number];

export interface ServerLogOptions {
  mode: LogMode;
  /** Appends JSON lines here as well. */
  file?: string | null;
  /** Where the terminal lines go (standard output by default). */
  terminal?: { write(text: string): unknown };
}

/** What fastify needs: its logger options, or false when nothing is logged anywhere. */
export interface FastifyLoggerSetting {
  level: string;
  stream: { write(line: string): void };
}

export function parseLogMode(raw: string | undefined): LogMode {
  if (raw === undefined || raw === '') return 'quiet';
  const mode = raw.trim().toLowerCase();
  if ((logModes as readonly string[]).includes(mode)) return mode as LogMode;
  throw new JianduError('INVALID_ARGUMENT', {
    detail: `--log / JIANDU_LOG: one of ${logModes.join(', ')} (got "${raw}")`,
  });
}

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** pino's level numbers: requests are logged at debug (20), the rest at info and above. */
const debugLevel = 20;
const warnLevel = 40;

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

const bookkeeping = new Set(['level', 'time', 'pid', 'hostname', 'reqId', 'msg', 'v']);

function clock(time: number | undefined): string {
  const at = new Date(time ?? Date.now());
  return [at.getHours(), at.getMinutes(), at.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/** One readable line for the terminal. */
export function formatLogRecord(record: LogRecord): string {
  const level = levelNames[record.level ?? 30] ?? String(record.level);
  if (record.req && record.res) {
    const ms =
      typeof record.responseTime === 'number' ? ` ${Math.round(record.responseTime)} ms` : '';
    return `${clock(record.time)} ${record.req.method ?? ''} ${record.req.url ?? ''} ${record.res.statusCode ?? ''}${ms}`;
  }
  const details = Object.entries(record)
    .filter(([key]) => !bookkeeping.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const text = [record.msg, ...details].filter((part) => part).join(' ');
  return `${clock(record.time)} ${level} ${text}`;
}

/** Every string in a log record masked: the serializers mask what they know, this the rest. */
function maskStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(maskStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v)]));
  }
  return value;
}

/** The sink fastify's logger writes to: it sorts each JSON line to the terminal and the file. */
export function serverLogger(options: ServerLogOptions): {
  logger: FastifyLoggerSetting | false;
  /** Closes the log file, if any (after the server has closed). */
  close(): void;
} {
  const { mode } = options;
  if (mode === 'off' && !options.file) return { logger: false, close: () => undefined };
  const terminal = options.terminal ?? process.stdout;
  let file: number | null = null;
  if (options.file) {
    // The log may hold user names and addresses: readable by the operator only.
    try {
      file = fs.openSync(options.file, 'a', 0o600);
    } catch (error) {
      throw new JianduError('INVALID_ARGUMENT', {
        detail: `--log-file ${options.file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot open'}`,
      });
    }
  }
  const stream = {
    write(line: string): void {
      let record: LogRecord;
      try {
        record = maskStrings(JSON.parse(line)) as LogRecord;
      } catch {
        record = { level: 30, msg: redactText(line.trim()) };
      }
      const json = `${JSON.stringify(record)}\n`;
      if (file !== null) fs.writeSync(file, json);
      if (mode === 'off') return;
      if (mode === 'json') {
        terminal.write(json);
        return;
      }
      const level = record.level ?? 30;
      const shown = mode === 'requests' ? level >= debugLevel : level >= warnLevel;
      if (shown) terminal.write(`${formatLogRecord(record)}\n`);
    },
  };
  return {
    logger: { level: 'debug', stream },
    close: () => {
      if (file !== null) fs.closeSync(file);
      file = null;
    },
  };
}

/** One line per request, when it is answered, at debug level: the terminal's default hides it. */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // The completed line says all a reader needs.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const fields = {
      req: request,
      res: { statusCode: reply.statusCode },
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...fields, err: { message: error.message } }, 'request errored');
    else reply.log.debug(fields, 'request completed');
  }
}
