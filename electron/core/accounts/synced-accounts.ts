import { AccountsService, type VaultLike } from './accounts-service';

export interface SyncedAccountsOptions {
  /** Epoch ms, skew-corrected: codes and undo expiry use it. */
  now: () => number;
  /** The machine's own clock, which sync stamps edits with (default: `now`). */
  stampNow?: () => number;
  /** Told after every change saved. */
  onChange?: () => void;
}

/**
 * The accounts of an open vault, composed the one way the app and every CLI command use them: each
 * edit (a rename, an HOTP counter step, a delete) is stamped for sync inside its own save, so it keeps
 * its place against other computers' edits. The sync code loads on the first edit only, so commands
 * that only read start no faster or slower for it.
 */
export function syncedAccounts(vault: VaultLike, options: SyncedAccountsOptions): AccountsService {
  const stampNow = options.stampNow ?? options.now;
  return new AccountsService(vault, {
    now: options.now,
    ...(options.onChange ? { onChange: options.onChange } : {}),
    withinSave: async (doc) => (await import('../sync/engine/stamp-edits')).stampSyncEdits(doc, stampNow()),
  });
}
