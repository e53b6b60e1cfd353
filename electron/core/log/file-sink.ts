import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from './logger';

export const LOG_FILE = join('logs', 'traykey.log');
/** A log past this size at start-up is moved to traykey.log.1 (replacing the one before), so logs stay small. */
export const MAX_LOG_BYTES = 1024 * 1024;

/** Appends to <home>/logs/traykey.log (folder 0700, file 0600); lines are few, so writes are synchronous. */
export function fileSink(home: string, maxBytes = MAX_LOG_BYTES): { sink: LogSink; path: string } {
  const path = join(home, LOG_FILE);
  let ready = false;
  const prepare = () => {
    mkdirSync(join(home, 'logs'), { recursive: true, mode: 0o700 });
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (size > maxBytes) renameSync(path, `${path}.1`);
    ready = true;
  };
  return {
    path,
    sink: (line) => {
      if (!ready) prepare();
      appendFileSync(path, line, { mode: 0o600 });
    },
  };
}
