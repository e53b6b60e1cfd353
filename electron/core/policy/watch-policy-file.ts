import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { watch } from 'chokidar';
import type { PolicyFileWatcher } from './watch-policy';

/**
 * The policy file through chokidar, which also sees the file being created, replaced or removed, as long
 * as its folder exists (it cannot watch a folder that is not there yet: the timer covers that case).
 */
export const watchPolicyFile: PolicyFileWatcher = (file, onChange) => {
  if (!existsSync(dirname(file))) return null;
  const watcher = watch(file, { ignoreInitial: true });
  watcher.on('all', () => onChange());
  // A folder removed under the watch, a permissions change: the timer still reads the policy.
  watcher.on('error', () => undefined);
  return () => void watcher.close();
};
