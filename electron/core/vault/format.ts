import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ScryptParams } from './kdf';

/*
 * File layout, format version 1 (integers big-endian). Bytes 0..83 are the header, authenticated as AES-GCM's
 * additional data, so no field (mode, KDF cost, id) can be altered without the body failing to decrypt.
 *    0  8  magic "TRAYKEYV"
 *    8  1  format version
 *    9  1  key mode: 1 keychain, 2 passphrase
 *   10  1  KDF: 0 none, 1 scrypt
 *   11  1  log2(scrypt N)
 *   12  4  scrypt r
 *   16  4  scrypt p
 *   20 16  salt (zero without a KDF)
 *   36 16  vault id (names the keychain entry)
 *   52 16  key check: HMAC-SHA256(key, label ‖ id), truncated, to tell a wrong key from a damaged file
 *   68 12  nonce, fresh for every save
 *   80  4  ciphertext length
 *   84  …  ciphertext (the JSON document), then the 16-byte GCM tag
 */
export const MAGIC = Buffer.from('TRAYKEYV', 'ascii');
export const FORMAT_VERSION = 1;
export const HEADER_LENGTH = 84;
const TAG_LENGTH = 16;
const KEY_CHECK_LABEL = Buffer.from('Traykey vault key check v1', 'ascii');

export type KeyMode = 'keychain' | 'passphrase';

export interface VaultHeader {
  mode: KeyMode;
  /** Present in passphrase mode. */
  scrypt?: ScryptParams;
  salt: Buffer;
  vaultId: Buffer;
  keyCheck: Buffer;
}

export interface ParsedFile extends VaultHeader {
  nonce: Buffer;
  headerBytes: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export type FormatProblem =
  | { kind: 'foreign' }
  | { kind: 'newer'; version: number }
  | { kind: 'truncated'; expected: number; actual: number }
  | { kind: 'damaged'; detail: string };

export function keyCheckFor(key: Uint8Array, vaultId: Uint8Array): Buffer {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).update(vaultId).digest().subarray(0, 16);
}

export function keyMatches(key: Uint8Array, header: VaultHeader): boolean {
  return timingSafeEqual(keyCheckFor(key, header.vaultId), header.keyCheck);
}

/** Splits a file into header fields and ciphertext, or says why it is not a readable vault file. */
export function parseVaultFile(file: Buffer): ParsedFile | FormatProblem {
  const magicSeen = file.subarray(0, MAGIC.length);
  if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length))) return { kind: 'foreign' };
  if (file.length < HEADER_LENGTH + TAG_LENGTH) return { kind: 'truncated', expected: HEADER_LENGTH + TAG_LENGTH, actual: file.length };
  const version = file.readUInt8(8);
  if (version > FORMAT_VERSION) return { kind: 'newer', version };
  if (version !== FORMAT_VERSION) return { kind: 'damaged', detail: `unknown format version ${version}` };
  const modeByte = file.readUInt8(9);
  const kdf = file.readUInt8(10);
  const mode: KeyMode | undefined = modeByte === 1 ? 'keychain' : modeByte === 2 ? 'passphrase' : undefined;
  if (!mode) return { kind: 'damaged', detail: `unknown key mode ${modeByte}` };
  if ((mode === 'passphrase') !== (kdf === 1) || kdf > 1) return { kind: 'damaged', detail: 'the key mode and key derivation disagree' };
  const log2N = file.readUInt8(11);
  if (log2N > 40) return { kind: 'damaged', detail: 'impossible key-derivation parameters' };
  const bodyLength = file.readUInt32BE(80);
  const expected = HEADER_LENGTH + bodyLength + TAG_LENGTH;
  if (file.length < expected) return { kind: 'truncated', expected, actual: file.length };
  if (file.length > expected) return { kind: 'damaged', detail: 'it has unexpected bytes after its end' };
  const parsed: ParsedFile = {
    mode,
    salt: Buffer.from(file.subarray(20, 36)),
    vaultId: Buffer.from(file.subarray(36, 52)),
    keyCheck: Buffer.from(file.subarray(52, 68)),
    nonce: Buffer.from(file.subarray(68, 80)),
    headerBytes: file.subarray(0, HEADER_LENGTH),
    ciphertext: file.subarray(HEADER_LENGTH, HEADER_LENGTH + bodyLength),
    tag: file.subarray(HEADER_LENGTH + bodyLength),
  };
  if (kdf === 1) parsed.scrypt = { N: 2 ** log2N, r: file.readUInt32BE(12), p: file.readUInt32BE(16) };
  return parsed;
}

export function isProblem(value: ParsedFile | FormatProblem): value is FormatProblem {
  return 'kind' in value;
}

function headerBytes(header: VaultHeader, nonce: Buffer, bodyLength: number): Buffer {
  const bytes = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(FORMAT_VERSION, 8);
  bytes.writeUInt8(header.mode === 'keychain' ? 1 : 2, 9);
  if (header.scrypt) {
    bytes.writeUInt8(1, 10);
    bytes.writeUInt8(Math.log2(header.scrypt.N), 11);
    bytes.writeUInt32BE(header.scrypt.r, 12);
    bytes.writeUInt32BE(header.scrypt.p, 16);
  }
  header.salt.copy(bytes, 20, 0, 16);
  header.vaultId.copy(bytes, 36, 0, 16);
  header.keyCheck.copy(bytes, 52, 0, 16);
  nonce.copy(bytes, 68);
  bytes.writeUInt32BE(bodyLength, 80);
  return bytes;
}

/** Encrypts a document body under a fresh nonce and returns the whole file. */
export function sealVault(header: VaultHeader, key: Uint8Array, plaintext: Buffer): Buffer {
  const nonce = randomBytes(12);
  const head = headerBytes(header, nonce, plaintext.length);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(head);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return Buffer.concat([head, body, final, cipher.getAuthTag()]);
}

/** The plaintext, or null when the file fails authentication (altered or damaged). */
export function openVault(parsed: ParsedFile, key: Uint8Array): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', key, parsed.nonce);
  decipher.setAAD(parsed.headerBytes);
  decipher.setAuthTag(parsed.tag);
  try {
    return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
