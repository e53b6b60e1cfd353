import type { OtpAccount } from '../../../shared/accounts';
import { isAppError } from '../../../shared/errors';
import { parseKeyUri } from '../otp/key-uri';
import { decodeMigrationUri } from '../otp/migration-uri';
import { PAIRING_URI_PREFIX, parsePairingWords } from '../sync/pairing/pairing-code';
import type { ScannedCode } from './scanned-code';

/** Longer than any real enrolment link; larger payloads are refused before parsing. */
export const MAX_KEY_URI_LENGTH = 4096;
/** One QR code holds at most about 4 KB of text; anything longer did not come from a camera-ready code. */
export const MAX_MIGRATION_URI_LENGTH = 8192;

function sentence(error: unknown, fallback: string): string {
  return isAppError(error) && error.code !== 'INTERNAL' ? error.message : fallback;
}

/**
 * What one QR code's text is: otpauth and otpauth-migration codes are parsed by core-accounts' parsers
 * (electron/core/otp); another computer's sync pairing code is offered for joining; web addresses and
 * other text are reported as what they are and never saved.
 */
export function classifyCode(text: string): ScannedCode {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'otpauth') {
    if (trimmed.length > MAX_KEY_URI_LENGTH) return { kind: 'invalid', text, message: `This otpauth link is longer than ${MAX_KEY_URI_LENGTH} characters, so it was not read.` };
    try {
      return { kind: 'otpauth', text, account: parseKeyUri(trimmed) };
    } catch (error) {
      return { kind: 'invalid', text, message: sentence(error, 'This otpauth link cannot be used: its type, label or secret is not valid.') };
    }
  }
  if (scheme === 'otpauth-migration') {
    if (trimmed.length > MAX_MIGRATION_URI_LENGTH) return { kind: 'invalid', text, message: `This Google Authenticator export is longer than ${MAX_MIGRATION_URI_LENGTH} characters, so it was not read.` };
    try {
      const { batch, accounts } = decodeMigrationUri(trimmed);
      return { kind: 'migration', text, batch: { index: batch.index, size: batch.size, id: batch.id }, accounts };
    } catch (error) {
      return { kind: 'invalid', text, message: sentence(error, 'This Google Authenticator export cannot be read: its data is damaged or incomplete.') };
    }
  }
  if (scheme === 'traykey-sync') {
    try {
      return { kind: 'sync-pairing', text, words: parsePairingWords(trimmed.slice(PAIRING_URI_PREFIX.length)) };
    } catch {
      return { kind: 'invalid', text, message: 'This Traykey sync pairing code cannot be read: show a new one with Pair on your other computer.' };
    }
  }
  if (scheme === 'http' || scheme === 'https') return { kind: 'link', text };
  return { kind: 'text', text };
}

/** The accounts a set of classified codes holds, in code order. */
export function accountsOf(codes: readonly ScannedCode[]): OtpAccount[] {
  return codes.flatMap((code) => (code.kind === 'otpauth' ? [code.account] : code.kind === 'migration' ? code.accounts : []));
}

/** '2 of 3' for the second QR code of a three-code export (batch indexes are 0-based). */
export function batchLabel(batch: { index: number; size: number }): string {
  return `${batch.index + 1} of ${Math.max(batch.size, batch.index + 1)}`;
}
