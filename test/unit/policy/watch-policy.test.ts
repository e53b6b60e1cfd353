import { describe, expect, it } from 'vitest';
import { POLICY_RELOAD_MS, watchPolicy } from '../../../electron/core/policy/watch-policy';
import { ManualTimers } from '../../support/fake-timers';

describe('watching the policy', () => {
  it('reads the managed location again every minute until stopped, even after a failed read', async () => {
    const timers = new ManualTimers();
    let reads = 0;
    const stop = watchPolicy({ reload: async () => (reads++ === 0 ? Promise.reject(new Error('EIO')) : ({} as never)) }, timers);
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS]);
    void timers.fireAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(1);
    expect(timers.pending()).toEqual([POLICY_RELOAD_MS]);
    void timers.fireAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2);
    stop();
    expect(timers.pending()).toEqual([]);
  });
});
