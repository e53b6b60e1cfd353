import { appError } from '../../../shared/errors';
import { restartReplayHistory } from '../push/push-store';
import type { Vault } from './vault';

/** The older copy the person was shown and agreed to keep: its save number and the later one recorded. */
export interface ConfirmedOlderCopy {
  save: number;
  latestSave: number;
}

export type AcceptOlderOutcome = 'accepted' | 'not-older';

/**
 * Keeps working from an older copy of the vault that opened read-only: the person's word that the saves
 * after it are given up. Its push replay record misses what was seen after that copy, so from `now` on
 * only sign-in requests issued later are judged by it. The one use-case behind `traykey vault
 * accept-older` and the app's vault:acceptOlder; when the app asks, it names the copy the person saw,
 * and a vault that changed since (another copy put back) is refused rather than accepted unseen.
 */
export async function acceptOlderCopy(vault: Vault, now: number, confirmed?: ConfirmedOlderCopy): Promise<AcceptOlderOutcome> {
  await vault.refreshIfChanged();
  const older = vault.olderCopy;
  if (!older) return 'not-older';
  if (confirmed && (confirmed.save !== older.file || confirmed.latestSave !== older.latest)) {
    throw appError(
      'VAULT_OLDER',
      `The vault changed while you were deciding: it is now save ${older.file} of ${older.latest}, not save ${confirmed.save} of ${confirmed.latestSave}. Read what it says now, then choose again.`,
    );
  }
  await vault.acceptOlderCopy((doc) => restartReplayHistory(doc, now));
  return 'accepted';
}
