import { describe, expect, it } from 'vitest';
import type { Timers } from '../../../electron/core/capabilities';
import { POLICY_RELOAD_MS, watchPolicy } from '../../../electron/core/policy/watch-policy';

function manualTimers(): Timers & { pending(): number[]; fire(): void } {
  const due = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  return {
    setTimeout: (run, ms) => (due.set(next, { run, ms }), next++),
    clearTimeout: (handle) => due.delete(handle as number),
    pending: () => [...due.values()].map((timer) => timer.ms),
    fire() {
      for (const [handle, timer] of [...due]) {
        due.delete(handle);
        timer.run();
      }
    },
  };
}

describe('watching the policy', () => {
  it('reads the managed location again every minute until stopped, even after a failed read', async () => {
    const timers = manualTimers();
    let reads = 0;
    const stop = watchPolicy({ reload: async () => (reads++ === 0 ? Promise.reject(new Error('EIO')) : ({} as never)) }, timers);
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS]);
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(1);
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS]);
    timers.fire();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2);
    stop();
    expect(timers.pending()).toEqual([]);
  });
});
