import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { appError } from '../../../shared/errors';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: number;
}

/** Where the run locks of one Traykey home live. */
export function runLockDir(home: string): string {
  return join(home, 'admin-locks');
}

export interface RunLock {
  release(): Promise<void>;
}

export interface RunLockOptions {
  pid?: number;
  now?: () => number;
  /** Whether a process of this machine is still running (default: signal 0). */
  isAlive?: (pid: number) => boolean;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedAt === 'number') return value as LockOwner;
  } catch {
    // A lock file cut short by a crash while it was written says nothing about a live owner.
  }
  return undefined;
}

/**
 * One admin run per connection: a lock file `<dir>/<connectionId>.lock` naming the process that holds it.
 * A lock whose process is gone (a crash, a kill) is taken over, so a crash never blocks the next run.
 */
export async function acquireRunLock(dir: string, connectionId: string, what: string, options: RunLockOptions = {}): Promise<RunLock> {
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processAlive;
  const now = options.now ?? Date.now;
  const path = join(dir, `${connectionId}.lock`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid, host: hostname(), startedAt: now() } satisfies LockOwner));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
    if (owner && (owner.host !== hostname() || isAlive(owner.pid))) {
      const where = owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
      throw appError(
        'BUSY',
        `Another Traykey run is working on ${what} (${where}, since ${new Date(owner.startedAt).toISOString()}): wait for it to finish or stop it, then run this again.`,
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw appError('BUSY', `Traykey could not take the run lock of ${what}: another run started at the same moment; run this again.`);
}

/** Runs `work` holding the connection's lock, and releases it however `work` ends. */
export async function withRunLock<T>(dir: string, connectionId: string, what: string, work: () => Promise<T>, options: RunLockOptions = {}): Promise<T> {
  const lock = await acquireRunLock(dir, connectionId, what, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
