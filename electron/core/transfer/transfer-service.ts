import { randomInt } from 'node:crypto';
import type { AccountDetails } from '../../../shared/accounts';
import type { KeyUriAccount } from '../otp/key-uri';
import { encodeMigrationUris } from '../otp/migration-uri';
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

export function keyUriAccountOf(details: AccountDetails): KeyUriAccount {
  const { issuer, label, type, algorithm, digits, period, secret } = details;
  return { issuer, label, type, algorithm, digits, period, secret, ...(type === 'hotp' ? { counter: details.counter ?? 0 } : {}) };
}

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
  const selected = [...new Set(ids)].map((id) => keyUriAccountOf(accounts.reveal(id)));
  return encodeMigrationUris(selected, batchId);
}

/** migrationUris drawn as PNG data URLs; reveals every selected secret, so only after the user confirmed. */
export async function migrationQrs(accounts: RevealingAccounts, ids: readonly string[], batchId?: number): Promise<MigrationQr[]> {
  const uris = migrationUris(accounts, ids, batchId);
  return Promise.all(uris.map(async (uri, index) => ({ index, count: uris.length, dataUrl: await qrPngDataUrl(uri) })));
}
