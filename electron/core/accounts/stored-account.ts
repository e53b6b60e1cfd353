import { z } from 'zod';
import { otpAlgorithm, otpType, type AccountSummary } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import type { VaultDocument } from '../vault/vault';
import type { OtpParams } from '../otp/otp-params';

/** One account as the vault keeps it (in `doc.accounts`, in the user's order). */
export const storedAccount = z.object({
  id: z.string().min(1),
  issuer: z.string(),
  label: z.string(),
  type: otpType,
  algorithm: otpAlgorithm,
  digits: z.number().int().min(5).max(8),
  period: z.number().int().min(1).max(86_400),
  counter: z.number().int().min(0).optional(),
  /** Canonical base32: upper-case, unpadded. */
  secret: z.string().regex(/^[A-Z2-7]+$/),
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

export function summaryOf(account: StoredAccount): AccountSummary {
  const summary: AccountSummary = {
    id: account.id,
    issuer: account.issuer,
    label: account.label,
    type: account.type,
    algorithm: account.algorithm,
    digits: account.digits,
    period: account.period,
    tags: [...account.tags],
  };
  if (account.counter !== undefined) summary.counter = account.counter;
  return summary;
}

export function otpParamsOf(account: StoredAccount): OtpParams {
  return { type: account.type, algorithm: account.algorithm, digits: account.digits, period: account.period, counter: account.counter ?? 0, secret: account.secret };
}

export function displayName(account: Pick<StoredAccount, 'issuer' | 'label'>): string {
  return account.issuer ? `${account.issuer} (${account.label})` : account.label;
}
