import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runLockDir } from '../admin/run-lock';
import type { VaultFiles } from './vault-errors';

/**
 * The file that shows a vault was kept in this folder before, or undefined on a true first start.
 * Only Traykey writes these files beside the vault, so finding one without the vault means the vault
 * was moved, deleted or lost, and starting an empty one would hide that (and its first saves would
 * rotate the good backup away). Admin runs keep their locks in a folder that outlives them, and
 * an admin run needs the vault (its connections and run records are in it).
 */
export async function traceOfEarlierVault(files: VaultFiles, lockSeenBeforeCreating: boolean): Promise<string | undefined> {
  for (const path of [files.backupPath, files.savesPath, runLockDir(dirname(files.path))]) {
    if (await stat(path).then(() => true, () => false)) return path;
  }
  // The lock is ours by now; it only counts when it was there before this process took it.
  return lockSeenBeforeCreating ? files.lockPath : undefined;
}
