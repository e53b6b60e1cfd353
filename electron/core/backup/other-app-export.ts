import { randomUUID } from 'node:crypto';
import type { OtherAppFormat } from '../../../shared/ipc/backup';
import type { AccountsService } from '../accounts/accounts-service';
import type { ExportedFile } from './export-backup';

type RevealingAccounts = Pick<AccountsService, 'list' | 'reveal'>;

/*
 * Aegis reads a plain vault file as { version: 1, header: { slots: null, params: null }, db } where db
 * is { version: 3, entries, groups } and each entry names its type, issuer, name and `info` (secret,
 * algo, digits, period, and counter for HOTP); see docs/vault.md in the Aegis repository.
 */
function aegisFile(accounts: RevealingAccounts): { text: string; count: number } {
  const entries = accounts.list().map(({ id }) => {
    const account = accounts.reveal(id);
    const info = { secret: account.secret, algo: account.algorithm, digits: account.digits, period: account.period, ...(account.type === 'hotp' ? { counter: account.counter ?? 0 } : {}) };
    return { type: account.type, uuid: randomUUID(), name: account.label, issuer: account.issuer, note: '', favorite: false, icon: null, info, groups: [] };
  });
  const file = { version: 1, header: { slots: null, params: null }, db: { version: 3, entries, groups: [] } };
  return { text: `${JSON.stringify(file, null, 4)}\n`, count: entries.length };
}

function uriList(accounts: RevealingAccounts): { text: string; count: number } {
  const uris = accounts.list().map(({ id }) => accounts.reveal(id).uri);
  return { text: uris.map((uri) => `${uri}\n`).join(''), count: uris.length };
}

/**
 * "Export to another app": every account with its secret in clear, as otpauth:// links one a line (most
 * authenticators import these) or as a plain Aegis vault file. Callers confirm with the person first.
 */
export function exportForOtherApp(accounts: RevealingAccounts, format: OtherAppFormat): ExportedFile {
  const { text, count } = format === 'aegis' ? aegisFile(accounts) : uriList(accounts);
  return { bytes: Buffer.from(text, 'utf8'), count };
}

export const OTHER_APP_FILE_NAMES: Record<OtherAppFormat, string> = { uris: 'traykey-otpauth-links.txt', aegis: 'traykey-aegis-export.json' };
