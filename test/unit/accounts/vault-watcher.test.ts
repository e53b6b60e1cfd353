import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Timers } from '../../../electron/core/capabilities';
import { watchVault } from '../../../electron/core/accounts/vault-watcher';

/** Timers that run a debounced callback only when the test says so. */
function manualTimers(): Timers & { runAll(): void } {
  const queue = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout(run) {
      next += 1;
      queue.set(next, run);
      return next;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    runAll() {
      const runs = [...queue.values()];
      queue.clear();
      for (const run of runs) run();
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the vault watcher', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'traykey-watch-'));
    dirs.push(dir);
    return dir;
  }

  it('reports a change another process saved to the vault file', async () => {
    const dir = folder();
    const timers = manualTimers();
    let changes = 0;
    let refreshes = 0;
    const stop = watchVault({ path: join(dir, 'vault.tkv'), refresh: async () => ((refreshes += 1), true), onChanged: () => (changes += 1), timers });
    writeFileSync(join(dir, 'vault.tkv'), 'x');
    await until(() => {
      timers.runAll();
      return refreshes > 0;
    });
    await until(() => changes > 0);
    stop();
    expect(changes).toBe(1);
  });

  it('survives a refresh that throws at once, as a locked vault does', async () => {
    const dir = folder();
    const timers = manualTimers();
    let attempts = 0;
    const stop = watchVault({
      path: join(dir, 'vault.tkv'),
      refresh: () => {
        attempts += 1;
        throw new Error('The vault is locked.');
      },
      onChanged: () => {
        throw new Error('must not be called');
      },
      timers,
    });
    writeFileSync(join(dir, 'vault.tkv'), 'x');
    await until(() => {
      timers.runAll();
      return attempts > 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(attempts).toBeGreaterThan(0);
  });
});
