import { backupFormOf, type BackupAccount } from '../../../shared/accounts';
import type { AccountsService } from '../accounts/accounts-service';

/** Every stored account with its secret and recovery code, in the user's order, ready for exportTraykeyBackup. */
export function accountsForBackup(accounts: Pick<AccountsService, 'list' | 'reveal' | 'recoveryCode'>): BackupAccount[] {
  return accounts.list().map(({ id }) => backupFormOf(accounts.reveal(id), accounts.recoveryCode(id)));
}
