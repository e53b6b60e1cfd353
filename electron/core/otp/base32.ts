import * as OTPAuth from 'otpauth';

/** Longest secret accepted, in base32 characters (640 bytes: far beyond any real key, small enough to hash instantly). */
export const MAX_SECRET_CHARS = 1024;

export type Base32Problem = 'empty' | 'too-long' | 'not-base32';

/**
 * The canonical form of a typed or scanned secret: upper-case, no spaces or hyphens, no '=' padding.
 * Returns a problem instead when the text cannot be a base32 key.
 */
export function normalizeBase32(input: string): { secret: string } | { problem: Base32Problem } {
  if (input.length > MAX_SECRET_CHARS * 2) return { problem: 'too-long' };
  const compact = input.replace(/[\s-]+/g, '').toUpperCase().replace(/=+$/, '');
  if (compact.length === 0) return { problem: 'empty' };
  if (compact.length > MAX_SECRET_CHARS) return { problem: 'too-long' };
  if (!/^[A-Z2-7]+$/.test(compact)) return { problem: 'not-base32' };
  // 1, 3 or 6 characters past a multiple of 8 cannot come from whole bytes.
  if ([1, 3, 6].includes(compact.length % 8)) return { problem: 'not-base32' };
  return { secret: compact };
}

export function base32ToBytes(secret: string): Uint8Array {
  return OTPAuth.Secret.fromBase32(secret).bytes;
}

export function bytesToBase32(bytes: Uint8Array): string {
  return new OTPAuth.Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;
}

export const base32ProblemSentence: Record<Base32Problem, string> = {
  empty: 'secret is missing',
  'too-long': `secret is longer than ${MAX_SECRET_CHARS} base32 characters`,
  'not-base32': 'secret is not valid base32 (letters A–Z and digits 2–7)',
};
