import type { OtpType } from '../../../shared/accounts';
import type { ImportProblem } from './imported-account';

const SUPPORTED: readonly OtpType[] = ['totp', 'hotp', 'steam'];

/** Maps an app's type name to ours, or null for types Traykey cannot generate codes for (Yandex, mOTP…). */
export function supportedType(value: unknown): OtpType | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return (SUPPORTED as readonly string[]).includes(lower) ? (lower as OtpType) : null;
}

/** A readable reason for an unsupported type, quoting the type only when it looks like a type name. */
export function unsupportedTypeReason(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,20}$/.test(value)
    ? `its type "${value}" is not supported (only TOTP, HOTP and Steam are)`
    : 'it has no supported type (only TOTP, HOTP and Steam are)';
}

/** "Issuer: name", shortened, for a person to find a skipped entry in the source app. */
export function entryName(issuer: unknown, name: unknown): string | undefined {
  const parts = [issuer, name].filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim());
  if (parts.length === 0) return undefined;
  const joined = parts.join(': ');
  return joined.length > 100 ? `${joined.slice(0, 99)}…` : joined;
}

export function entryProblem(number: number, reason: string, name: string | undefined): ImportProblem {
  return name === undefined ? { kind: 'entry', number, reason } : { kind: 'entry', number, name, reason };
}
