import { readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../electron/core/vault/lock-file';
import { tempHomeSync } from '../../support/temp-home';

const noSleep = () => Promise.resolve();

/** A pid that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('acquireLock', () => {
  it('creates the lock file with its pid and removes it on release', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    const lock = await acquireLock(path);
    expect(lock.acquired).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    if (lock.acquired) await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('gives up after the timeout while a live process holds the lock, and names the holder', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    const first = await acquireLock(path);
    let clock = 0;
    const second = await acquireLock(path, { timeoutMs: 1_000, now: () => (clock += 100), sleep: noSleep });
    expect(second).toEqual({ acquired: false, holder: { pid: process.pid, host: hostname(), time: expect.any(Number) } });
    if (first.acquired) await first.release();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), time: Date.now(), token: 'dead' }));
    const lock = await acquireLock(path, { timeoutMs: 0 });
    expect(lock.acquired).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock older than the maximum age even when its pid is alive (pid reuse)', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    writeFileSync(path, JSON.stringify({ pid: process.ppid, host: hostname(), time: 1_000, token: 'old' }));
    const lock = await acquireLock(path, { timeoutMs: 0, now: () => 1_000 + 120_001 });
    expect(lock.acquired).toBe(true);
  });

  it('waits for an empty lock file (a writer between create and write) and breaks it once it is old', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    writeFileSync(path, '');
    expect((await acquireLock(path, { timeoutMs: 0 })).acquired).toBe(false);
    const old = (Date.now() - 10_000) / 1000;
    utimesSync(path, old, old);
    expect((await acquireLock(path, { timeoutMs: 0 })).acquired).toBe(true);
  });

  it('does not release a lock that another process has taken since', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    const lock = await acquireLock(path);
    const other = JSON.stringify({ pid: process.ppid, host: hostname(), time: Date.now(), token: 'theirs' });
    writeFileSync(path, other);
    if (lock.acquired) await lock.release();
    expect(readFileSync(path, 'utf8')).toBe(other);
  });

  it('lets exactly one of many concurrent contenders in at a time', async () => {
    const path = join(tempHomeSync('vault'), 'v.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      const lock = await acquireLock(path, { timeoutMs: 10_000 });
      if (!lock.acquired) throw new Error('lock not acquired');
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inside--;
      await lock.release();
    }));
    expect(most).toBe(1);
  });
});
