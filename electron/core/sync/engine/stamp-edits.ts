import { accountsIn } from '../../accounts/stored-account';
import type { VaultDocument } from '../../vault/vault';
import { SYNC_SECTION, syncSectionIn, type SyncSection } from './local-section';
import { recordLocalEdits } from './own-log';

/**
 * Turns the edits in `doc` (its accounts against sync's merged state) into a record in sync's outbox,
 * stamped `at`, inside the same save as the edits themselves: the edit and its sync record reach the
 * disk together, with no second save, and which of two computers' edits is later never depends on when
 * each next synced. Nothing when sync is off; a damaged sync section is left for the next round to report,
 * so it never stops the person's edit from being saved.
 */
export function stampSyncEdits(doc: VaultDocument, at: number): void {
  let section: SyncSection | undefined;
  try {
    section = syncSectionIn(doc);
  } catch {
    return;
  }
  if (section && recordLocalEdits(section, accountsIn(doc), () => at) > 0) doc[SYNC_SECTION] = section;
}
