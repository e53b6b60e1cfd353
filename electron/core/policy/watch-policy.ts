import type { Timers } from '../capabilities';
import type { PolicyService } from './policy-service';

/** How often main reads the managed location again when nothing tells it of a change (the registry). */
export const POLICY_RELOAD_MS = 60_000;
/** Device management writes a file in steps: one read after the writes settle. */
export const POLICY_SETTLE_MS = 200;

/**
 * Watches one file for changes, creation and removal; null when it cannot be watched yet (its folder does
 * not exist: device management has not written a policy to this computer).
 */
export type PolicyFileWatcher = (file: string, onChange: () => void) => (() => void) | null;

/**
 * Reads the policy again when its file changes (the Linux file, macOS managed preferences), and on a timer
 * for what cannot be watched (the Windows registry, a folder that does not exist yet). A file whose folder
 * appears later is watched from the next timer read on. Returns the stop function.
 */
export function watchPolicy(
  policy: Pick<PolicyService, 'reload'>,
  timers: Timers,
  options: { everyMs?: number; files?: readonly string[]; watchFile?: PolicyFileWatcher } = {},
): () => void {
  const everyMs = options.everyMs ?? POLICY_RELOAD_MS;
  const watching = new Map<string, () => void>();
  let handle: unknown;
  let settle: unknown;
  let stopped = false;
  const reload = () => policy.reload().catch(() => undefined);
  const changed = () => {
    timers.clearTimeout(settle);
    settle = timers.setTimeout(() => void reload(), POLICY_SETTLE_MS);
  };
  const watchFiles = () => {
    if (!options.watchFile) return;
    for (const file of options.files ?? []) {
      if (watching.has(file)) continue;
      const stop = options.watchFile(file, changed);
      if (stop) watching.set(file, stop);
    }
  };
  const schedule = () => {
    handle = timers.setTimeout(() => {
      void reload().finally(() => {
        if (stopped) return;
        watchFiles();
        schedule();
      });
    }, everyMs);
  };
  watchFiles();
  schedule();
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
    timers.clearTimeout(settle);
    for (const stop of watching.values()) stop();
    watching.clear();
  };
}
