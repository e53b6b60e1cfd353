import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, openAesGcm, sealAesGcm } from '../crypto/aes-gcm';
import type { ScryptParams } from '../crypto/passphrase-kdf';

/*
 * File layout, format version 2 (integers big-endian). Bytes 0..107 are the header, authenticated as AES-GCM's
 * additional data, so no field (mode, KDF cost, id, save counter) can be altered without the body failing to
 * decrypt.
 *    0  8  magic "TRAYKEYV"
 *    8  1  format version
 *    9  1  key mode: 1 keychain, 2 passphrase
 *   10  1  KDF: 0 none, 1 scrypt
 *   11  1  log2(scrypt N)
 *   12  4  scrypt r
 *   16  4  scrypt p
 *   20 16  salt (zero without a KDF)
 *   36 16  vault id (names the keychain entry)
 *   52 16  key check: HMAC-SHA256(key, label ‖ id), truncated, to tell a wrong key from a damaged body
 *   68  8  save counter: one more on every save, so an older copy of the file can be recognised
 *   76 12  nonce, fresh for every save
 *   88  4  ciphertext length
 *   92 16  header checksum: SHA-256 of bytes 0..91, truncated. Not a secret: it tells a damaged header
 *          (a flipped salt byte would otherwise read as a wrong passphrase) from a wrong key
 *  108  …  ciphertext (the JSON document), then the 16-byte GCM tag
 * Version 1 (still read, rewritten as version 2 on the next save) had no save counter and no checksum:
 * nonce at 68, length at 80, ciphertext at 84.
 */
export const MAGIC = Buffer.from('TRAYKEYV', 'ascii');
export const FORMAT_VERSION = 2;
export const HEADER_LENGTH = 108;
const V1_HEADER_LENGTH = 84;
const CHECKSUM_AT = 92;
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
  version: number;
  /** How many times this vault had been saved when this file was written; 0 in a version 1 file. */
  saves: number;
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

const headerChecksum = (prefix: Buffer): Buffer => createHash('sha256').update(prefix).digest().subarray(0, 16);

/** The id and save counter from the first HEADER_LENGTH bytes of a version 2 file with an intact header. */
export function peekHeader(prefix: Buffer): { vaultId: Buffer; saves: number } | undefined {
  if (prefix.length < HEADER_LENGTH || !prefix.subarray(0, MAGIC.length).equals(MAGIC) || prefix.readUInt8(8) !== 2) return undefined;
  if (!headerChecksum(prefix.subarray(0, CHECKSUM_AT)).equals(prefix.subarray(CHECKSUM_AT, HEADER_LENGTH))) return undefined;
  return { vaultId: Buffer.from(prefix.subarray(36, 52)), saves: Number(prefix.readBigUInt64BE(68)) };
}

/** Splits a file into header fields and ciphertext, or says why it is not a readable vault file. */
export function parseVaultFile(file: Buffer): ParsedFile | FormatProblem {
  const magicSeen = file.subarray(0, MAGIC.length);
  if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length))) return { kind: 'foreign' };
  if (file.length < MAGIC.length + 1) return { kind: 'truncated', expected: V1_HEADER_LENGTH + GCM_TAG_BYTES, actual: file.length };
  const version = file.readUInt8(8);
  if (version > FORMAT_VERSION) return { kind: 'newer', version };
  if (version !== 1 && version !== 2) return { kind: 'damaged', detail: `unknown format version ${version}` };
  const headerLength = version === 1 ? V1_HEADER_LENGTH : HEADER_LENGTH;
  if (file.length < headerLength + GCM_TAG_BYTES) return { kind: 'truncated', expected: headerLength + GCM_TAG_BYTES, actual: file.length };
  if (version === 2 && !headerChecksum(file.subarray(0, CHECKSUM_AT)).equals(file.subarray(CHECKSUM_AT, HEADER_LENGTH))) {
    return { kind: 'damaged', detail: 'its header fails its checksum, so its key-derivation settings cannot be trusted' };
  }
  const modeByte = file.readUInt8(9);
  const kdf = file.readUInt8(10);
  const mode: KeyMode | undefined = modeByte === 1 ? 'keychain' : modeByte === 2 ? 'passphrase' : undefined;
  if (!mode) return { kind: 'damaged', detail: `unknown key mode ${modeByte}` };
  if ((mode === 'passphrase') !== (kdf === 1) || kdf > 1) return { kind: 'damaged', detail: 'the key mode and key derivation disagree' };
  const log2N = file.readUInt8(11);
  if (log2N > 40) return { kind: 'damaged', detail: 'impossible key-derivation parameters' };
  const nonceAt = version === 1 ? 68 : 76;
  const bodyLength = file.readUInt32BE(nonceAt + GCM_NONCE_BYTES);
  const expected = headerLength + bodyLength + GCM_TAG_BYTES;
  if (file.length < expected) return { kind: 'truncated', expected, actual: file.length };
  if (file.length > expected) return { kind: 'damaged', detail: 'it has unexpected bytes after its end' };
  const saves = version === 1 ? 0 : Number(file.readBigUInt64BE(68));
  if (!Number.isSafeInteger(saves)) return { kind: 'damaged', detail: 'an impossible save counter' };
  const parsed: ParsedFile = {
    version,
    mode,
    saves,
    salt: Buffer.from(file.subarray(20, 36)),
    vaultId: Buffer.from(file.subarray(36, 52)),
    keyCheck: Buffer.from(file.subarray(52, 68)),
    nonce: Buffer.from(file.subarray(nonceAt, nonceAt + GCM_NONCE_BYTES)),
    headerBytes: file.subarray(0, headerLength),
    ciphertext: file.subarray(headerLength, headerLength + bodyLength),
    tag: file.subarray(headerLength + bodyLength),
  };
  if (kdf === 1) parsed.scrypt = { N: 2 ** log2N, r: file.readUInt32BE(12), p: file.readUInt32BE(16) };
  return parsed;
}

export function isProblem(value: ParsedFile | FormatProblem): value is FormatProblem {
  return 'kind' in value;
}

function headerBytes(header: VaultHeader, saves: number, nonce: Buffer, bodyLength: number): Buffer {
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
  bytes.writeBigUInt64BE(BigInt(saves), 68);
  nonce.copy(bytes, 76);
  bytes.writeUInt32BE(bodyLength, 88);
  headerChecksum(bytes.subarray(0, CHECKSUM_AT)).copy(bytes, CHECKSUM_AT);
  return bytes;
}

/** Encrypts a document body under a fresh nonce and returns the whole file, marked as save number `saves`. */
export function sealVault(header: VaultHeader, key: Uint8Array, plaintext: Buffer, saves: number): Buffer {
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const head = headerBytes(header, saves, nonce, plaintext.length);
  const sealed = sealAesGcm(key, nonce, plaintext, head);
  return Buffer.concat([head, sealed.ciphertext, sealed.tag]);
}

/** The plaintext, or null when the file fails authentication (altered or damaged). */
export function openVault(parsed: ParsedFile, key: Uint8Array): Buffer | null {
  return openAesGcm(key, parsed.nonce, { ciphertext: parsed.ciphertext, tag: parsed.tag }, parsed.headerBytes);
}
