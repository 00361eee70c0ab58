import type { LogLevelName } from './config.js';

export interface Log {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const order: LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** Plain console logging at or above `level`; messages never carry tokens or secrets. */
export function consoleLog(level: LogLevelName, name = 'nato-bot'): Log {
  const min = order.indexOf(level);
  const at =
    (l: LogLevelName, write: (s: string) => void) =>
    (message: string): void => {
      if (order.indexOf(l) >= min)
        write(`${new Date().toISOString()} ${l.toUpperCase()} [${name}] ${message}`);
    };
  return {
    debug: at('debug', console.debug),
    info: at('info', console.log),
    warn: at('warn', console.warn),
    error: at('error', console.error),
  };
}
