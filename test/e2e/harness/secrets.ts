import { createHash } from 'node:crypto';

/** Distinct valid base32 secrets for seeding (the core refuses two accounts with the same secret). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function testSecret(index: number): string {
  const bytes = createHash('sha1').update(`traykey-test-secret-${index}`).digest();
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let secret = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) secret += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return secret;
}
