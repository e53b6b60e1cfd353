import { OTP_ALGORITHMS, type OtpAlgorithm, type BackupAccount, type OtpType } from '../../../shared/accounts';
import { normalizeBase32 } from '../otp/base32';
import { displayTextRefusal } from '../../../shared/display-text';

/** The fields an importer found for one entry, before validation (any of them may be missing or odd). */
export interface RawAccountFields {
  issuer: unknown;
  label: unknown;
  type: OtpType;
  algorithm: unknown;
  digits: unknown;
  period: unknown;
  counter?: unknown;
  secret: unknown;
  /** Only Traykey's own backups carry one. */
  recoveryCode?: unknown;
}

export type AccountCheck = { ok: true; account: BackupAccount } | { ok: false; reason: string };

// The same bounds as an account typed in by hand (shared/accounts.ts), so every import can be saved.
const MAX_TEXT = 200;
const DIGITS = { min: 5, max: 8 };
const PERIOD = { min: 1, max: 86_400 };
const DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
const STEAM = { algorithm: 'SHA1', digits: 5, period: 30 } as const;
// Auth0's recovery codes are 24 letters and digits; the bound leaves room for other providers.
const MAX_RECOVERY_CODE = 256;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : null;
}

function whole(value: unknown, fallback: number, min: number, max: number): number | null {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) return null;
  return value;
}

/** undefined for none, null when it is not a code a provider could have issued (its value is never quoted). */
function recoveryCode(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const code = value.trim();
  return code !== '' && code.length <= MAX_RECOVERY_CODE && /^[\x21-\x7e]+$/.test(code) ? code : null;
}

function algorithm(value: unknown): OtpAlgorithm | null {
  if (value === undefined || value === null || value === '') return DEFAULTS.algorithm;
  if (typeof value !== 'string') return null;
  const name = value.toUpperCase().replace('-', '');
  return (OTP_ALGORITHMS as readonly string[]).includes(name) ? (name as OtpAlgorithm) : null;
}

/** Validates one entry's fields into an account (in its backup form), or names the first thing wrong with it. */
export function checkAccountFields(raw: RawAccountFields): AccountCheck {
  const issuer = text(raw.issuer);
  const givenLabel = text(raw.label);
  if (issuer === null) return { ok: false, reason: 'its issuer is not text' };
  if (givenLabel === null) return { ok: false, reason: 'its name is not text' };
  // A nameless entry still holds a working secret: keep it under its issuer rather than drop it.
  const label = givenLabel !== '' ? givenLabel : issuer;
  if (label === '') return { ok: false, reason: 'it has neither a name nor an issuer' };
  if (issuer.length > MAX_TEXT || label.length > MAX_TEXT) return { ok: false, reason: `its name or issuer is longer than ${MAX_TEXT} characters` };
  const hidden = displayTextRefusal([['its issuer', issuer], ['its name', label]]);
  if (hidden) return { ok: false, reason: hidden.reason };

  if (typeof raw.secret !== 'string') return { ok: false, reason: 'it has no secret' };
  const normalized = normalizeBase32(raw.secret);
  if ('problem' in normalized) return { ok: false, reason: 'its secret is not valid base32' };
  const { secret } = normalized;
  const recovery = recoveryCode(raw.recoveryCode);
  if (recovery === null) return { ok: false, reason: `its recovery code is not one piece of printable text of at most ${MAX_RECOVERY_CODE} characters` };
  const kept = recovery === undefined ? {} : { recoveryCode: recovery };

  if (raw.type === 'steam') {
    return { ok: true, account: { issuer: issuer || 'Steam', label, type: 'steam', secret, ...STEAM, ...kept } };
  }
  const algo = algorithm(raw.algorithm);
  if (algo === null) return { ok: false, reason: 'its hash algorithm is not SHA1, SHA256 or SHA512' };
  const digits = whole(raw.digits, DEFAULTS.digits, DIGITS.min, DIGITS.max);
  if (digits === null) return { ok: false, reason: `its number of digits is not a whole number from ${DIGITS.min} to ${DIGITS.max}` };
  const period = whole(raw.period, DEFAULTS.period, PERIOD.min, PERIOD.max);
  if (period === null) return { ok: false, reason: `its period is not a whole number of seconds from ${PERIOD.min} to ${PERIOD.max}` };
  const account: BackupAccount = { issuer, label, type: raw.type, algorithm: algo, digits, period, secret, ...kept };
  if (raw.type === 'hotp') {
    const counter = whole(raw.counter, DEFAULTS.counter, 0, Number.MAX_SAFE_INTEGER);
    if (counter === null) return { ok: false, reason: 'its counter is not a whole number of 0 or more' };
    account.counter = counter;
  }
  return { ok: true, account };
}
