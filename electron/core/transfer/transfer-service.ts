import { randomInt } from 'node:crypto';
import { otpAccountOf, type AccountDetails, type OtpAccount } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import { displayName } from '../../../shared/account-names';
import { encodeMigrationUris, googleAuthenticatorProblem } from '../otp/migration-uri';
import { qrPngDataUrl } from './qr-image';

/** What transfers need from the accounts: `reveal` goes through the vault session, so a locked vault says VAULT_LOCKED. */
export interface RevealingAccounts {
  reveal(id: string): AccountDetails;
}

export interface AccountQr {
  issuer: string;
  label: string;
  dataUrl: string;
}

export interface MigrationQr {
  /** 0-based position in the export. */
  index: number;
  count: number;
  dataUrl: string;
}

/** A fresh batch id per export, as Google Authenticator does, so a phone does not mix two exports. */
const randomBatchId = () => randomInt(0, 2 ** 31);

/**
 * Shows one account and its secret to whoever sees the screen (or file): callers ask only after the
 * user confirmed.
 */
export async function accountQr(accounts: RevealingAccounts, id: string): Promise<AccountQr> {
  const details = accounts.reveal(id);
  return { issuer: details.issuer, label: details.label, dataUrl: await qrPngDataUrl(details.uri) };
}

/**
 * The selection (in the order given, each account once) as Google Authenticator `otpauth-migration`
 * texts. An account the app cannot hold (Steam, 7 digits, a period other than 30 s) refuses the whole
 * export with UNSUPPORTED naming it, rather than silently leaving it behind.
 */
export function migrationUris(accounts: RevealingAccounts, ids: readonly string[], batchId: number = randomBatchId()): string[] {
  const selected = [...new Set(ids)].map((id) => otpAccountOf(accounts.reveal(id)));
  return encodeMigrationUris(selected, batchId);
}

export interface TransferPlan {
  uris: string[];
  /** Accounts left out, each with what keeps Google Authenticator from holding it ("does not support …"). */
  skipped: Array<{ issuer: string; label: string; problem: string }>;
}

/**
 * Like migrationUris, but an account Google Authenticator cannot hold is left out and listed with the
 * reason while the rest are exported; only a selection with nothing it can hold is refused.
 */
export function transferableUris(accounts: RevealingAccounts, ids: readonly string[], batchId: number = randomBatchId()): TransferPlan {
  const kept: OtpAccount[] = [];
  const skipped: TransferPlan['skipped'] = [];
  for (const account of [...new Set(ids)].map((id) => otpAccountOf(accounts.reveal(id)))) {
    const problem = googleAuthenticatorProblem(account);
    if (problem) skipped.push({ issuer: account.issuer, label: account.label, problem });
    else kept.push(account);
  }
  if (kept.length === 0) {
    const why = skipped.map((account) => `${displayName(account)}: it ${account.problem}`).join('; ');
    throw appError('UNSUPPORTED', `Google Authenticator cannot hold any of these accounts (${why}); export them as a Traykey backup instead.`);
  }
  return { uris: encodeMigrationUris(kept, batchId), skipped };
}

/** migrationUris drawn as PNG data URLs; reveals every selected secret, so only after the user confirmed. */
export async function migrationQrs(accounts: RevealingAccounts, ids: readonly string[], batchId?: number): Promise<MigrationQr[]> {
  const uris = migrationUris(accounts, ids, batchId);
  return Promise.all(uris.map(async (uri, index) => ({ index, count: uris.length, dataUrl: await qrPngDataUrl(uri) })));
}
