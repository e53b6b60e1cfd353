import type { Timers } from '../capabilities';
import type { PolicyService } from './policy-service';

/** How often main reads the managed location again: device management applies changes within minutes, not seconds. */
export const POLICY_RELOAD_MS = 60_000;

/**
 * Re-reads the policy on a timer, because one mechanism serves every OS (a file, managed preferences and the
 * registry cannot all be watched); a change reaches the app within a minute. Returns the stop function.
 */
export function watchPolicy(policy: Pick<PolicyService, 'reload'>, timers: Timers, everyMs: number = POLICY_RELOAD_MS): () => void {
  let handle: unknown;
  let stopped = false;
  const schedule = () => {
    handle = timers.setTimeout(() => {
      void policy
        .reload()
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) schedule();
        });
    }, everyMs);
  };
  schedule();
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
  };
}
