import type { VaultDocument } from '../vault/vault';
import { accountsIn } from './stored-account';

/** The recovery code kept with an account (Auth0 returns one per OTP enrolment and per use). */
export function recoveryCodeOf(doc: VaultDocument, accountId: string): string | undefined {
  return accountsIn(doc).find((account) => account.id === accountId)?.recoveryCode;
}

/** Replaces the account's recovery code: the provider spends the old one when it hands out the new one. */
export function keepRecoveryCode(doc: VaultDocument, accountId: string, code: string): void {
  const accounts = accountsIn(doc);
  const account = accounts.find((entry) => entry.id === accountId);
  if (!account) return;
  account.recoveryCode = code;
  doc.accounts = accounts;
}
