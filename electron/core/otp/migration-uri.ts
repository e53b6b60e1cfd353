import { base64Decode, base64Encode } from '@bufbuild/protobuf/wire';
import type { OtpAlgorithm, OtpAccount } from '../../../shared/accounts';
import { appError, type AppError } from '../../../shared/errors';
import { base32ToBytes, bytesToBase32 } from './base32';
import { DEFAULT_PERIOD } from './otp-params';
import { decodeMigrationPayload, encodeMigrationPayload, MAX_PAYLOAD_BYTES, type RawOtpParameters } from './migration-payload';
import { displayTextRefusal } from '../../../shared/display-text';
import { displayName } from '../../../shared/account-names';

export interface MigrationBatch {
  /** 0-based position of this QR code in the export. */
  index: number;
  size: number;
  /** The same on every QR code of one export. */
  id: number;
}

export interface MigrationImport {
  accounts: OtpAccount[];
  batch: MigrationBatch;
}

/** A generated QR code's text stays below this many characters, so it scans reliably from a screen. */
export const MAX_QR_URI_CHARS = 1000;
/** Google Authenticator itself puts at most 10 accounts in one QR code. */
export const MAX_ACCOUNTS_PER_QR = 10;

const PREFIX = 'otpauth-migration://offline?';
const ALGORITHMS: Record<number, OtpAlgorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const ALGORITHM_ENUM: Record<OtpAlgorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };

const invalid = (why: string, field = 'data'): AppError => appError('INVALID_URI', `This Google Authenticator export cannot be read: ${why}.`, { field });

function dataParam(uri: string): string {
  if (uri.length > MAX_PAYLOAD_BYTES * 2) throw invalid('the link is too long to be a Google Authenticator export', 'uri');
  if (!uri.toLowerCase().startsWith(PREFIX)) throw invalid('it does not start with otpauth-migration://offline?', 'uri');
  const data = uri.slice(PREFIX.length).split('&').find((pair) => pair.startsWith('data='));
  if (data === undefined || data === 'data=') throw invalid('its data parameter is missing');
  try {
    // Percent-decoding only: a raw '+' in unescaped exports is base64, never a space.
    return decodeURIComponent(data.slice('data='.length));
  } catch {
    throw invalid('its data parameter has a broken percent-encoding');
  }
}

function splitName(name: string, issuer: string): { issuer: string; label: string } {
  const colon = name.indexOf(':');
  if (colon === -1) return { issuer, label: name.trim() };
  const prefix = name.slice(0, colon).trim();
  const rest = name.slice(colon + 1).trim();
  if (issuer === '') return { issuer: prefix, label: rest };
  return prefix.toLowerCase() === issuer.toLowerCase() ? { issuer, label: rest } : { issuer, label: name.trim() };
}

function toAccount(entry: RawOtpParameters, position: number): OtpAccount {
  const which = `account ${position + 1}`;
  const algorithm = ALGORITHMS[entry.algorithm];
  if (!algorithm) throw invalid(`${which} uses ${entry.algorithm === 4 ? 'MD5, which Traykey does not support' : `an unknown algorithm (${entry.algorithm})`}`, 'algorithm');
  if (entry.digits !== 0 && entry.digits !== 1 && entry.digits !== 2) throw invalid(`${which} has an unknown digit count (${entry.digits})`, 'digits');
  if (entry.type !== 1 && entry.type !== 2) throw invalid(`${which} is neither TOTP nor HOTP`, 'type');
  if (entry.secret.length === 0) throw invalid(`${which} has no secret`, 'secret');
  const { issuer, label } = splitName(entry.name, entry.issuer.trim());
  if (label === '') throw invalid(`${which} has no name`, 'label');
  const hidden = displayTextRefusal([['issuer', issuer], ['label', label]]);
  if (hidden) throw invalid(`${which}: ${hidden.reason}`, hidden.field);
  const common = { issuer, label, secret: bytesToBase32(entry.secret), algorithm, digits: entry.digits === 2 ? 8 : 6, period: DEFAULT_PERIOD };
  return entry.type === 1 ? { ...common, type: 'hotp', counter: entry.counter } : { ...common, type: 'totp' };
}

/** Reads one `otpauth-migration://offline?data=…` QR code of a Google Authenticator export. */
export function decodeMigrationUri(uri: string): MigrationImport {
  let bytes: Uint8Array;
  const data = dataParam(uri.trim());
  if (!/^[A-Za-z0-9+/=\-_\s]*$/.test(data)) throw invalid('its data parameter is not base64');
  try {
    bytes = base64Decode(data);
  } catch {
    throw invalid('its data parameter is not base64');
  }
  const payload = decodeMigrationPayload(bytes);
  return {
    accounts: payload.otpParameters.map(toAccount),
    batch: { index: payload.batchIndex, size: payload.batchSize, id: payload.batchId },
  };
}

/** What keeps Google Authenticator from holding the account ("does not support …"), or undefined when it can. */
export function googleAuthenticatorProblem(account: Pick<OtpAccount, 'type' | 'digits' | 'period'>): string | undefined {
  if (account.type === 'steam') return 'does not support Steam Guard codes';
  if (account.digits !== 6 && account.digits !== 8) return 'only supports 6 or 8 digits';
  if (account.type === 'totp' && account.period !== DEFAULT_PERIOD) return 'only supports a 30-second period';
  return undefined;
}

function toRaw(account: OtpAccount): RawOtpParameters {
  const problem = googleAuthenticatorProblem(account);
  if (problem) throw appError('UNSUPPORTED', `${displayName(account)} cannot be exported to Google Authenticator: it ${problem}.`);
  return {
    secret: base32ToBytes(account.secret),
    name: account.issuer ? `${account.issuer}:${account.label}` : account.label,
    issuer: account.issuer,
    algorithm: ALGORITHM_ENUM[account.algorithm],
    digits: account.digits === 8 ? 2 : 1,
    type: account.type === 'hotp' ? 1 : 2,
    counter: account.type === 'hotp' ? (account.counter ?? 0) : 0,
  };
}

function uriFor(entries: RawOtpParameters[], batch: MigrationBatch): string {
  const bytes = encodeMigrationPayload({ otpParameters: entries, version: 1, batchSize: batch.size, batchIndex: batch.index, batchId: batch.id });
  return `${PREFIX}data=${encodeURIComponent(base64Encode(bytes))}`;
}

/**
 * Writes a selection as Google Authenticator QR-code texts: as few as possible, each holding at most
 * MAX_ACCOUNTS_PER_QR accounts and MAX_QR_URI_CHARS characters, all sharing one batch id.
 */
export function encodeMigrationUris(accounts: readonly OtpAccount[], batchId: number): string[] {
  if (accounts.length === 0) throw appError('INVALID_INPUT', 'Choose at least one account to export.');
  if (!Number.isInteger(batchId) || batchId < -(2 ** 31) || batchId >= 2 ** 31) throw new RangeError('batchId must be a 32-bit integer');
  const groups: RawOtpParameters[][] = [];
  let current: RawOtpParameters[] = [];
  // Sizing with the widest batch numbers a group could end up with keeps the final texts within the limit.
  const probe = { index: 2 ** 31 - 1, size: 2 ** 31 - 1, id: batchId };
  for (const account of accounts) {
    const raw = toRaw(account);
    if (uriFor([raw], probe).length > MAX_QR_URI_CHARS) throw appError('UNSUPPORTED', 'An account is too large to fit in one QR code; export it as a Traykey backup instead.');
    const candidate = [...current, raw];
    if (current.length > 0 && (candidate.length > MAX_ACCOUNTS_PER_QR || uriFor(candidate, probe).length > MAX_QR_URI_CHARS)) {
      groups.push(current);
      current = [raw];
    } else {
      current = candidate;
    }
  }
  groups.push(current);
  return groups.map((group, index) => uriFor(group, { index, size: groups.length, id: batchId }));
}
