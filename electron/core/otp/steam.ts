import * as OTPAuth from 'otpauth';

export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
export const STEAM_DIGITS = 5;
export const STEAM_PERIOD = 30;

/**
 * Steam Guard: the RFC 4226 truncated value (HMAC-SHA1) written in Steam's 26-character alphabet.
 * Asking otpauth for 10 digits yields the whole 31-bit truncated value, since it is below 10^10.
 */
export function steamCode(secret: string, counter: number): string {
  let value = Number(OTPAuth.HOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 10, counter }));
  let code = '';
  for (let i = 0; i < STEAM_DIGITS; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
