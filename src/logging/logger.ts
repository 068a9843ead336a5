// The process logger: JSON lines (pino) that operators can query; readable lines on a local terminal.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { level: string; pretty?: boolean }): Logger {
  const pretty = opts.pretty ?? (process.stdout.isTTY && process.env.LF_ENV !== 'production');
  return pino({
    level: opts.level,
    // Never log credentials, whatever object they ride in on.
    redact: { paths: ['*.password', '*.token', '*.authorization', 'req.headers.authorization', '*.apiKey'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } } : {}),
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
