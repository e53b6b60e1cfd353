import { describe, expect, it } from 'vitest';
import { POLICY_RELOAD_MS, POLICY_SETTLE_MS, watchPolicy, type PolicyFileWatcher } from '../../../electron/core/policy/watch-policy';
import { ManualTimers } from '../../support/fake-timers';

/** A file watcher under the test's control: which files are watched, and a way to say one changed. */
function fakeFiles(watchable: Set<string>) {
  const listeners = new Map<string, () => void>();
  const watchFile: PolicyFileWatcher = (file, onChange) => {
    if (!watchable.has(file)) return null;
    listeners.set(file, onChange);
    return () => listeners.delete(file);
  };
  return { watchFile, watched: () => [...listeners.keys()], change: (file: string) => listeners.get(file)?.() };
}

describe('watching the policy', () => {
  it('reads the managed location again every minute until stopped, even after a failed read', async () => {
    const timers = new ManualTimers();
    let reads = 0;
    const stop = watchPolicy({ reload: async () => (reads++ === 0 ? Promise.reject(new Error('EIO')) : ({} as never)) }, timers);
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS]);
    await timers.fireAll();
    expect(reads).toBe(1);
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS]);
    await timers.fireAll();
    expect(reads).toBe(2);
    stop();
    expect(timers.pending()).toEqual([]);
  });

  it('reads the policy once a burst of changes to its file settles, without waiting for the minute', async () => {
    const timers = new ManualTimers();
    let reads = 0;
    const files = fakeFiles(new Set(['/etc/traykey/policy.json']));
    watchPolicy({ reload: async () => void reads++ as never }, timers, { files: ['/etc/traykey/policy.json'], watchFile: files.watchFile });
    files.change('/etc/traykey/policy.json');
    files.change('/etc/traykey/policy.json');
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS, POLICY_SETTLE_MS]);
    const [, settle] = [...timers.scheduled.values()];
    settle?.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(1);
  });

  it('starts watching a file whose folder appears later, from the next timed read, and stops every watch when stopped', async () => {
    const timers = new ManualTimers();
    const watchable = new Set<string>();
    const files = fakeFiles(watchable);
    const stop = watchPolicy({ reload: async () => ({}) as never }, timers, { files: ['/etc/traykey/policy.json'], watchFile: files.watchFile });
    expect(files.watched()).toEqual([]);
    watchable.add('/etc/traykey/policy.json');
    await timers.fireAll();
    expect(files.watched()).toEqual(['/etc/traykey/policy.json']);
    stop();
    expect(files.watched()).toEqual([]);
    expect(timers.pending()).toEqual([]);
  });
});
