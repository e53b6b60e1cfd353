import { randomInt } from 'node:crypto';
import { appError } from '../../../../shared/errors';
import { deriveScrypt } from '../../crypto/passphrase-kdf';
import { PAIRING_WORDS } from './words';

/**
 * Six words from 256: 48 bits. That is far too few to protect data for long, so the words only ever
 * guard a ten-minute, one-use exchange: the inviting device accepts exactly one join attempt per code
 * (a wrong one cancels the pairing), and everything lasting (the group key) is sent sealed to the
 * joining device's own X25519 key. Offline guessing against the folder's files costs one scrypt
 * (2^15, 32 MiB) per guess: 2^47 guesses on average, hopeless within the ten minutes that matter.
 */
export const PAIRING_WORD_COUNT = 6;
export const PAIRING_LIFETIME_MS = 10 * 60_000;
/** The pairing QR code's text: this prefix, then the words joined by dashes. */
export const PAIRING_URI_PREFIX = 'traykey-sync:';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const SALT = Buffer.from('traykey sync pairing v1', 'utf8');

export function newPairingWords(): string[] {
  return Array.from({ length: PAIRING_WORD_COUNT }, () => PAIRING_WORDS[randomInt(PAIRING_WORDS.length)]!);
}

/** The words as typed (any case, spaces or dashes), checked against the list; a clear error names the first unknown word. */
export function parsePairingWords(text: string): string[] {
  const words = text.toLowerCase().split(/[\s,-]+/).filter((word) => word !== '');
  if (words.length !== PAIRING_WORD_COUNT) throw appError('INVALID_INPUT', `A pairing code is ${PAIRING_WORD_COUNT} words; ${words.length} were given.`, { field: 'words' });
  const unknown = words.find((word) => !PAIRING_WORDS.includes(word));
  if (unknown !== undefined) throw appError('INVALID_INPUT', `“${unknown.slice(0, 20)}” is not one of the pairing words; check the code on the other computer.`, { field: 'words' });
  return words;
}

export interface PairingSecrets {
  /** Names the pairing's files in the folder. */
  lookup: string;
  /** Seals the offer, the join request and the welcome. */
  authKey: Buffer;
}

export async function pairingSecrets(words: readonly string[]): Promise<PairingSecrets> {
  const derived = await deriveScrypt(words.join(' '), SALT, SCRYPT, 48, 'pairing code');
  return { lookup: derived.subarray(0, 16).toString('hex'), authKey: derived.subarray(16) };
}
