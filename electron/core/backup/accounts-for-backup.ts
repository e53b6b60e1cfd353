import type { AccountsService } from '../accounts/accounts-service';
import type { ImportedAccount } from './imported-account';

/** Every stored account with its secret, in the user's order, ready for exportTraykeyBackup. */
export function accountsForBackup(accounts: Pick<AccountsService, 'list' | 'reveal'>): ImportedAccount[] {
  return accounts.list().map(({ id }) => {
    const { issuer, label, type, algorithm, digits, period, counter, secret } = accounts.reveal(id);
    return type === 'hotp' ? { issuer, label, type, algorithm, digits, period, counter: counter ?? 0, secret } : { issuer, label, type, algorithm, digits, period, secret };
  });
}
