import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Timers } from '../capabilities';

export const WATCH_DEBOUNCE_MS = 150;

export interface VaultWatcherOptions {
  path: string;
  /** Reloads when the file changed; true when the document did (refreshIfChanged). */
  refresh: () => Promise<boolean>;
  onChanged: () => void;
  timers: Timers;
}

/**
 * Notices another process (the CLI) saving the vault: watches the folder (an atomic save replaces the
 * file, which a watch on the file itself would lose), waits for the burst of events to settle, then
 * reloads with the cheap stat check.
 */
export function watchVault(options: VaultWatcherOptions): () => void {
  const name = basename(options.path);
  let pending: unknown;
  let watcher: FSWatcher | undefined;
  const settle = () => {
    pending = undefined;
    // Started inside a promise so a refresh that throws at once (a locked vault) is caught below too.
    Promise.resolve().then(options.refresh).then(
      (changed) => {
        if (changed) options.onChanged();
      },
      // A locked or briefly unreadable vault is reported where it is used, not from a background watch.
      () => undefined,
    );
  };
  try {
    watcher = watch(dirname(options.path), { persistent: false }, (_event, file) => {
      if (file !== null && file !== name) return;
      if (pending !== undefined) options.timers.clearTimeout(pending);
      pending = options.timers.setTimeout(settle, WATCH_DEBOUNCE_MS);
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // Without a watchable folder the app still works; changes show on the next read.
    watcher = undefined;
  }
  return () => {
    if (pending !== undefined) options.timers.clearTimeout(pending);
    watcher?.close();
  };
}
