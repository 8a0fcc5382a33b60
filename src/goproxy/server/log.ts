/**
 * @module goproxy/server/log
 * Structured JSON log lines (one object per line) with a request id. Secrets are masked:
 * anything that looks like credentials in URLs or authorization headers never reaches the log.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Readonly<Record<string, unknown>>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Mask user:password@ in URLs and bearer/basic tokens in any string value. */
export function maskSecrets(s: string): string {
  return s.replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, '$1***:***@').replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 ***');
}

export function jsonLogger(write: (line: string) => void, minLevel: LogLevel = 'info', now: () => Date = () => new Date()): Logger {
  return {
    log(level, msg, fields = {}) {
      if (ORDER[level] < ORDER[minLevel]) return;
      const rec: Record<string, unknown> = { time: now().toISOString(), level, msg: maskSecrets(msg) };
      for (const [k, v] of Object.entries(fields)) rec[k] = typeof v === 'string' ? maskSecrets(v) : v;
      write(`${JSON.stringify(rec)}\n`);
    },
  };
}

export const silentLogger: Logger = { log() {} };
