import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchVault } from '../../../electron/core/accounts/vault-watcher';
import { ManualTimers } from '../../support/fake-timers';
import { tempHomeSync } from '../../support/temp-home';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the vault watcher', () => {
  it('reports a change another process saved to the vault file', async () => {
    const dir = tempHomeSync('watch');
    const timers = new ManualTimers();
    let changes = 0;
    let refreshes = 0;
    const stop = watchVault({ path: join(dir, 'vault.tkv'), refresh: async () => ((refreshes += 1), true), onChanged: () => (changes += 1), timers });
    writeFileSync(join(dir, 'vault.tkv'), 'x');
    await until(() => {
      void timers.fireAll();
      return refreshes > 0;
    });
    await until(() => changes > 0);
    stop();
    expect(changes).toBe(1);
  });

  it('survives a refresh that throws at once, as a locked vault does', async () => {
    const dir = tempHomeSync('watch');
    const timers = new ManualTimers();
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
      void timers.fireAll();
      return attempts > 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(attempts).toBeGreaterThan(0);
  });
});
