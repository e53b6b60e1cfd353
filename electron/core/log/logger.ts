import { redactLogText } from './redact-log';
import { SecretRegistry } from './secret-registry';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, string | number | boolean | undefined>;

/** Where finished lines go: stderr in the CLI, a file in the data folder in the app. */
export type LogSink = (line: string) => void;

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** TRAYKEY_LOG=debug|info|warn|error; anything else (or nothing) means warn. */
export function levelFromEnv(env: Record<string, string | undefined>): LogLevel {
  const wanted = env.TRAYKEY_LOG?.trim().toLowerCase();
  return LOG_LEVELS.find((level) => level === wanted) ?? 'warn';
}

export interface LoggerOptions {
  level: LogLevel;
  sink: LogSink;
  secrets: SecretRegistry;
  now?: () => number;
}

/**
 * A leveled logger whose every line passes through the redactor, fields included: a caller that
 * logs the wrong value by mistake still does not write it out.
 */
export class Logger {
  constructor(private readonly options: LoggerOptions) {}

  get level(): LogLevel {
    return this.options.level;
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.options.level];
  }

  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  private write(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (!this.enabled(level)) return;
    const time = new Date((this.options.now ?? Date.now)()).toISOString();
    const line = `${time} ${level.toUpperCase()} ${message}${formatFields(fields)}`;
    try {
      this.options.sink(`${redactLogText(line, this.options.secrets)}\n`);
    } catch {
      // A log that cannot be written (disk full, closed pipe) must never break what was being logged.
    }
  }
}

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}
