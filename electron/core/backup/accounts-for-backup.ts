import type { AccountsService } from '../accounts/accounts-service';
import type { ImportedAccount } from './imported-account';

/** Every stored account with its secret and recovery code, in the user's order, ready for exportTraykeyBackup. */
export function accountsForBackup(accounts: Pick<AccountsService, 'list' | 'reveal' | 'recoveryCode'>): ImportedAccount[] {
  return accounts.list().map(({ id }) => {
    const { issuer, label, type, algorithm, digits, period, counter, secret } = accounts.reveal(id);
    const recoveryCode = accounts.recoveryCode(id);
    return {
      issuer, label, type, algorithm, digits, period, secret,
      ...(type === 'hotp' ? { counter: counter ?? 0 } : {}),
      ...(recoveryCode !== undefined ? { recoveryCode } : {}),
    };
  });
}
