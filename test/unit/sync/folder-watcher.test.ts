import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_DEBOUNCE_MS, watchSyncFolder } from '../../../electron/core/sync/folder-watcher';
import { ManualTimers } from '../../support/fake-timers';
import { tempHome } from '../../support/temp-home';

const OWN = 'aaaaaaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbbbbbb';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

async function watching() {
  const folder = await tempHome('sync-folder');
  await mkdir(join(folder, 'devices'));
  const timers = new ManualTimers();
  const rounds = { count: 0 };
  stop = watchSyncFolder({ folder, device: OWN, timers, onChange: () => rounds.count++ });
  // Watching starts with a round (catching up on what arrived while the app was closed).
  await vi.waitFor(() => expect(rounds.count).toBe(1));
  await timers.fireAll();
  return { folder, timers, rounds };
}

/** Appends to a device file until the watcher reports it (chokidar reports nothing before its first scan ends). */
async function writeUntilSeen(path: string, rounds: { count: number }, before: number): Promise<void> {
  await vi.waitFor(async () => {
    await appendFile(path, 'x');
    expect(rounds.count).toBeGreaterThan(before);
  });
}

describe('sync folder watcher', () => {
  it('starts a round as soon as another device’s file changes, and one more once the writes have settled', async () => {
    const { folder, timers, rounds } = await watching();
    const before = rounds.count;
    await writeUntilSeen(join(folder, 'devices', `${OTHER}.tksync`), rounds, before);
    // No timer has fired: the first round did not wait for the burst to settle.
    expect(rounds.count).toBe(before + 1);
    expect(timers.pending()).toContain(SYNC_DEBOUNCE_MS);
    const settled = rounds.count;
    for (const [handle, timer] of timers.scheduled) {
      if (timer.ms !== SYNC_DEBOUNCE_MS) continue;
      timers.scheduled.delete(handle);
      timer.run();
    }
    expect(rounds.count).toBe(settled + 1);
  });
});
