import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@^_';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

const LETTERS_AND_DIGITS = LOWER + UPPER + DIGITS;

/**
 * A strong password for a test user (24 characters, ~150 bits from a CSPRNG) with at least one of
 * each class, which satisfies the usual Okta and Auth0 password policies. It starts with a letter or
 * digit: a leading + = - @ would be read as a formula where a spreadsheet opens an export.
 */
export function generatePassword(length = 24): string {
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set) => set[randomInt(set.length)]!);
  while (chars.length < length - 1) chars.push(ALL[randomInt(ALL.length)]!);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return LETTERS_AND_DIGITS[randomInt(LETTERS_AND_DIGITS.length)]! + chars.join('');
}
