import type { Logger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.js';

export interface Log {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Our log, shaped as Bolt's logger too, so Bolt, its Web API clients and OAuth log through it. */
export type JsonLog = Log & Logger;

const order: LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** Slack tokens of every kind, wherever they appear. */
const tokenPattern = /\b(xox[abposre]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]+/g;
/** The password in a database URL. */
const urlPasswordPattern = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#\s@"]+:)[^@\s/"]+@/gi;

/**
 * Masks Slack tokens, passwords in URLs and each configured secret (signing secret, client
 * secret, state secret, encryption key) in a log line.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const exact = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(tokenPattern, '[redacted token]').replace(urlPasswordPattern, '$1[redacted]@');
    for (const secret of exact) out = out.split(secret).join('[redacted]');
    return out;
  };
}

export interface JsonLogOptions {
  level: LogLevelName;
  /** Values to mask in every line besides the token patterns. */
  secrets?: readonly string[];
  name?: string;
  /** Where each line goes; default stdout. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** One JSON object per line: `{"time","level","name","msg"}`, plus `error` for an Error argument. */
export function jsonLog(options: JsonLogOptions): JsonLog {
  const min = order.indexOf(options.level);
  const redact = redactor(options.secrets ?? []);
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const name = options.name ?? 'nato-bot';
  const at =
    (level: LogLevelName) =>
    (...args: unknown[]): void => {
      if (order.indexOf(level) < min) return;
      const parts: string[] = [];
      let error: { message: string; code?: string; stack?: string } | undefined;
      for (const arg of args) {
        if (arg instanceof Error) {
          const code = (arg as { code?: unknown }).code;
          error = {
            message: arg.message,
            ...(typeof code === 'string' ? { code } : {}),
            ...(options.level === 'debug' && arg.stack ? { stack: arg.stack } : {}),
          };
          parts.push(arg.message);
        } else parts.push(typeof arg === 'string' ? arg : stringify(arg));
      }
      const record = {
        time: now().toISOString(),
        level,
        name,
        msg: parts.join(' '),
        ...(error ? { error } : {}),
      };
      write(redact(JSON.stringify(record)));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // The level and name come from LOG_LEVEL; libraries sharing this logger must not change them.
    setLevel: () => undefined,
    getLevel: () => options.level as LogLevel,
    setName: () => undefined,
  };
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
