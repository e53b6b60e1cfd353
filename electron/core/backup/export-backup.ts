import type { AccountsService } from '../accounts/accounts-service';
import { accountsForBackup } from './accounts-for-backup';
import { exportTraykeyBackup, type ExportOptions } from './traykey-backup';

export interface ExportedFile {
  bytes: Uint8Array;
  /** How many accounts the file holds. */
  count: number;
}

/** "Back up": every stored account, with its recovery code, as an encrypted Traykey backup (the app and `traykey backup export`). */
export async function backupOfAccounts(accounts: Pick<AccountsService, 'list' | 'reveal' | 'recoveryCode'>, passphrase: string, options: ExportOptions = {}): Promise<ExportedFile> {
  const all = accountsForBackup(accounts);
  return { bytes: await exportTraykeyBackup(all, passphrase, options), count: all.length };
}
