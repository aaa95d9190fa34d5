import pino, { Logger } from 'pino';

export type { Logger };

/** One JSON object a line; each request gets a child logger carrying its request id. */
export function createLogger(name: string, level: string): Logger {
  return pino({ name, level, base: { service: name } });
}
