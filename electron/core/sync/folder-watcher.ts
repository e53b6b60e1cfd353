import { watch, type FSWatcher } from 'chokidar';
import { basename, join } from 'node:path';
import type { Timers } from '../capabilities';
import { DEVICES_DIR, folderExists } from './folder/sync-folder';

/**
 * Sync clients write a file in bursts (and several files at once). The first event of a burst starts a
 * round at once, so a change shows without waiting for the burst to settle (a half-written record just
 * waits); one more round runs once it has settled. That one is needed: chokidar drops a file's change
 * events for 50 ms after one it reported, so only a look after a quiet 50 ms is sure to see the writes
 * it dropped. A later write is a new event and a new burst.
 */
export const SYNC_DEBOUNCE_MS = 50;
/** How often a folder that went away (an unplugged drive, a signed-out sync app) is looked for again. */
export const FOLDER_RECHECK_MS = 10_000;

export interface FolderWatcherOptions {
  folder: string;
  /** This computer's device id: a change to its own files (its own append) needs no round. */
  device: string;
  onChange: () => void;
  timers: Timers;
}

/**
 * Watches the other devices' files with chokidar, debounced. A folder that disappears stops the watch
 * and is looked for every FOLDER_RECHECK_MS; when it is back the watch restarts and a round runs.
 */
export function watchSyncFolder(options: FolderWatcherOptions): () => void {
  let watcher: FSWatcher | undefined;
  let pending: unknown;
  let recheck: unknown;
  let stopped = false;
  const ownFile = `${options.device}.`;
  const fire = () => {
    if (pending === undefined) options.onChange();
    else options.timers.clearTimeout(pending);
    pending = options.timers.setTimeout(() => {
      pending = undefined;
      options.onChange();
    }, SYNC_DEBOUNCE_MS);
  };
  const stopWatching = () => {
    void watcher?.close();
    watcher = undefined;
  };
  const check = async () => {
    recheck = undefined;
    if (stopped) return;
    const present = await folderExists(options.folder);
    if (present && !watcher) {
      watcher = watch(join(options.folder, DEVICES_DIR), { ignoreInitial: true, depth: 0 });
      watcher.on('all', (_event, path) => {
        if (typeof path !== 'string' || !basename(path).startsWith(ownFile)) fire();
      });
      watcher.on('error', () => stopWatching());
      fire();
    } else if (!present && watcher) {
      stopWatching();
      fire();
    }
    if (!stopped) recheck = options.timers.setTimeout(() => void check(), FOLDER_RECHECK_MS);
  };
  void check();
  return () => {
    stopped = true;
    if (pending !== undefined) options.timers.clearTimeout(pending);
    if (recheck !== undefined) options.timers.clearTimeout(recheck);
    stopWatching();
  };
}
