import { z } from 'zod';
import { backupFormOf, otpAccount, publicViewOf, type AccountSummary, type BackupAccount } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import type { VaultDocument } from '../vault/vault';

/** The stored form: an account as the vault keeps it (in `doc.accounts`, in the user's order). */
export const storedAccount = otpAccount.extend({
  id: z.string().min(1),
  tags: z.array(z.string()),
  /** Epoch ms. */
  createdAt: z.number(),
  /** The user's recovery code where the provider gave one (Auth0 OTP enrolment); never sent to the renderer. */
  recoveryCode: z.string().min(1).optional(),
});
export type StoredAccount = z.infer<typeof storedAccount>;

const storedAccounts = z.array(storedAccount);

/** The accounts section of a vault document; a vault without one has no accounts yet. */
export function accountsIn(doc: VaultDocument): StoredAccount[] {
  if (doc.accounts === undefined) return [];
  const parsed = storedAccounts.safeParse(doc.accounts);
  if (!parsed.success) throw appError('VAULT_CORRUPT', 'The vault’s account list is damaged and cannot be read; restore the previous copy (vault.tkv.bak) or a backup.');
  return parsed.data;
}

/** The stored account as the renderer may know it: no secret, no recovery code. */
export function summaryOf(account: StoredAccount): AccountSummary {
  return { id: account.id, ...publicViewOf(account), tags: [...account.tags] };
}

/**
 * A new stored account holding `account`, or `account` taking a stored account's place: its id, tags
 * and age, and its recovery code unless `account` brings one.
 */
export function storedFrom(account: BackupAccount, kept: Pick<StoredAccount, 'id' | 'tags' | 'createdAt' | 'recoveryCode'>): StoredAccount {
  return { id: kept.id, tags: kept.tags, createdAt: kept.createdAt, ...backupFormOf(account, account.recoveryCode ?? kept.recoveryCode) };
}
