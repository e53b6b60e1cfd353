/**
 * Core messages are shared with the CLI, and some name things only a terminal user has: environment
 * variables, command-line flags, file paths. In the app such a message is replaced by a sentence about
 * what the person can do here, chosen by the error's code.
 */
import type { ErrorCode } from '../../shared/errors';

const CLI_ONLY = /\bTRAYKEY_[A-Z_]+\b|(?:^|\s)--[a-z][a-z-]+|(?:^|[\s(])(?:~[\\/]|\/[\w.-]+\/|[A-Za-z]:\\)/;

const IN_THE_APP: Partial<Record<string, string>> = {
  WRONG_PASSPHRASE: 'That passphrase does not open your vault. Check it and try again.',
  VAULT_LOCKED: 'Your vault is locked. Unlock it to see your codes.',
  VAULT_IO: 'Traykey could not read or write its files. Check that your home folder has free space and is writable.',
  VAULT_CORRUPT: 'Your vault file is damaged. Restore it from a backup.',
  VAULT_FOREIGN: 'This vault belongs to another installation of Traykey.',
  VAULT_BUSY: 'Another Traykey window is saving the vault. Try again in a moment.',
  KEYCHAIN_UNAVAILABLE: 'The system keychain is not available. Unlock it, or sign in to your desktop session again.',
  INVALID_INPUT: 'Traykey cannot use that value. Check it and try again.',
} satisfies Partial<Record<ErrorCode, string>>;

const FALLBACK = 'Traykey could not do that. Try again; if it keeps failing, restart Traykey from the tray.';

/** The sentence to show a person in the app for this error. */
export function appMessage(error: { code: string; message: string }): string {
  if (!CLI_ONLY.test(error.message)) return error.message;
  return IN_THE_APP[error.code] ?? FALLBACK;
}
