import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { processAlive } from './process-alive';
import { timerDelay } from '../../../shared/timer-delay';

export interface LockOptions {
  /** Give up after this long (ms) and report the holder. */
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A lock older than this is stale even when its pid is alive (the pid may have been reused). */
  maxAgeMs?: number;
}

export interface LockHolder {
  pid: number;
  host: string;
  time: number;
}

export type LockResult = { acquired: true; release: () => Promise<void> } | { acquired: false; holder: LockHolder | undefined };

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, timerDelay(ms)));

function parseHolder(text: string): (LockHolder & { token: string }) | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder & { token: string }>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.time === 'number' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, time: value.time, token: value.token };
    }
  } catch {
    // An empty or half-written lock: its writer died between creating and filling it.
  }
  return undefined;
}

async function readLock(path: string): Promise<{ text: string; mtimeMs: number } | undefined> {
  try {
    const [text, stats] = await Promise.all([fsp.readFile(path, 'utf8'), fsp.stat(path)]);
    return { text, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A cross-process lock: a file created with O_EXCL holding {pid, host, time}. A lock whose process is
 * gone (same host), or that is older than maxAgeMs, is stale and is broken; breaking happens under a
 * second O_EXCL "breaker" file, so two processes cannot both break the lock and then both take it.
 */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<LockResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 120_000;
  const host = hostname();
  const token = randomBytes(8).toString('hex');
  const started = now();
  let holder: LockHolder | undefined;
  let delay = 2;

  const isStale = (seen: { text: string; mtimeMs: number }): boolean => {
    const parsed = parseHolder(seen.text);
    // Wall-clock mtime, so the age check works even when `now` is a test clock far from the file system's.
    if (!parsed) return Date.now() - seen.mtimeMs > 2_000;
    if (now() - parsed.time > maxAgeMs) return true;
    return parsed.host === host && !processAlive(parsed.pid);
  };

  for (;;) {
    try {
      const handle = await fsp.open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host, time: now(), token }));
      } finally {
        await handle.close();
      }
      return {
        acquired: true,
        release: async () => {
          const current = await readLock(path);
          if (current && parseHolder(current.text)?.token === token) await fsp.unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await readLock(path);
    if (seen) {
      const parsed = parseHolder(seen.text);
      holder = parsed ? { pid: parsed.pid, host: parsed.host, time: parsed.time } : undefined;
      if (isStale(seen) && (await breakStaleLock(path, seen.text, isStale, now))) continue;
    }
    if (now() - started >= timeoutMs) return { acquired: false, holder };
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
}

async function breakStaleLock(path: string, staleText: string, isStale: (seen: { text: string; mtimeMs: number }) => boolean, now: () => number): Promise<boolean> {
  const breaker = `${path}.break`;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(breaker, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker left by a process that died mid-break: remove it so the next round can break the lock.
    const left = await readLock(breaker);
    if (left && isStale(left)) await fsp.unlink(breaker).catch(() => undefined);
    return false;
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), time: now(), token: 'breaker' })).finally(() => handle.close());
    // Judged again under the breaker: another breaker may have replaced the stale lock with a live one meanwhile.
    const again = await readLock(path);
    if (again && again.text === staleText && isStale(again)) await fsp.unlink(path).catch(() => undefined);
    return true;
  } finally {
    await fsp.unlink(breaker).catch(() => undefined);
  }
}
