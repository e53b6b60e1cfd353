import { fileSink } from './file-sink';
import { levelFromEnv, Logger, type LogFields, type LogLevel, type LogSink } from './logger';
import { SecretRegistry } from './secret-registry';

export { rememberDocumentSecrets } from './document-secrets';
export { levelFromEnv, Logger, type LogFields, type LogLevel, type LogSink } from './logger';
export { SecretRegistry } from './secret-registry';

/** The process's secrets, registered by the vault and accounts as they load. */
export const secrets = new SecretRegistry();

let current = new Logger({ level: 'warn', sink: (line) => process.stderr.write(line), secrets });

/**
 * The process-wide log. Until configured it writes warnings and errors to stderr; the CLI configures
 * it for stderr and the app for a file in its data folder, both at TRAYKEY_LOG's level.
 */
export const log = {
  debug: (message: string, fields?: LogFields) => current.debug(message, fields),
  info: (message: string, fields?: LogFields) => current.info(message, fields),
  warn: (message: string, fields?: LogFields) => current.warn(message, fields),
  error: (message: string, fields?: LogFields) => current.error(message, fields),
  get level(): LogLevel {
    return current.level;
  },
};

export function configureLogging(options: { env: Record<string, string | undefined>; sink: LogSink; now?: () => number }): void {
  current = new Logger({ level: levelFromEnv(options.env), sink: options.sink, secrets, ...(options.now ? { now: options.now } : {}) });
}

/** The app's logging: TRAYKEY_LOG's level, into <home>/logs/traykey.log. Returns the file's path. */
export function configureFileLogging(options: { env: Record<string, string | undefined>; home: string }): string {
  const file = fileSink(options.home);
  configureLogging({ env: options.env, sink: file.sink });
  return file.path;
}

/** Milliseconds since `startedAt` (performance.now()), rounded for log lines. */
export function elapsedMs(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}
