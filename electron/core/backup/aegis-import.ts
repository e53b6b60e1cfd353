import type { BackupAccount } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import { checkAccountFields } from './account-fields';
import { AES_256_KEY_BYTES, GCM_NONCE_BYTES, GCM_TAG_BYTES, openAesGcm } from '../crypto/aes-gcm';
import { decodeBase64, decodeHex, requireLength } from './byte-codecs';
import { entryName, entryProblem, supportedType, unsupportedTypeReason } from './entry-problems';
import type { ImportedEntries, ImportProblem } from './imported-account';
import { isJsonObject, parseJson, requireArray, requireInteger, requireObject, requireString, type JsonObject } from './json-shape';
import { DEFAULT_KDF_LIMITS, checkScryptParams, deriveScrypt, type KdfLimits, type ScryptParams } from '../crypto/passphrase-kdf';
import { decodeUtf8 } from './text-decoding';

/*
 * Aegis vault file (docs/vault.md in the Aegis repository): { version: 1, header: { slots, params }, db }.
 * Plain: db is the content object and slots/params are null. Encrypted: db is base64 AES-256-GCM
 * ciphertext under a random master key (header.params: hex nonce and tag); each password slot (type 1)
 * wraps that key with AES-256-GCM under scrypt(password, salt, n, r, p) (hex key, key_params, salt).
 */
const WHAT = 'Aegis backup';
const PASSWORD_SLOT = 1;
const MAX_PASSWORD_SLOTS = 8;

export function looksLikeAegis(doc: JsonObject): boolean {
  return 'header' in doc && 'db' in doc;
}

interface PasswordSlot {
  params: ScryptParams;
  salt: Buffer;
  wrappedKey: Buffer;
  nonce: Buffer;
  tag: Buffer;
}

function readGcmParams(parent: JsonObject, key: string, what: string): { nonce: Buffer; tag: Buffer } {
  const params = requireObject(parent, key, what);
  return {
    nonce: requireLength(decodeHex(requireString(params, 'nonce', what), `${what}'s nonce`), GCM_NONCE_BYTES, `${what}'s nonce`),
    tag: requireLength(decodeHex(requireString(params, 'tag', what), `${what}'s tag`), GCM_TAG_BYTES, `${what}'s tag`),
  };
}

function readPasswordSlots(header: JsonObject, limits: KdfLimits): PasswordSlot[] {
  const slots = requireArray(header, 'slots', WHAT).filter((s): s is JsonObject => isJsonObject(s) && s.type === PASSWORD_SLOT);
  if (slots.length === 0) throw appError('INVALID_INPUT', 'This Aegis backup has no password slot, so it cannot be opened with a password: export it from Aegis with a password set.');
  if (slots.length > MAX_PASSWORD_SLOTS) throw appError('INVALID_INPUT', `This Aegis backup has more than ${MAX_PASSWORD_SLOTS} password slots: the file is damaged.`);
  return slots.map((slot) => {
    const what = 'Aegis password slot';
    const params = checkScryptParams({ N: requireInteger(slot, 'n', what), r: requireInteger(slot, 'r', what), p: requireInteger(slot, 'p', what) }, limits, WHAT);
    const salt = decodeHex(requireString(slot, 'salt', what), `${what}'s salt`);
    if (salt.length === 0 || salt.length > 1024) throw appError('INVALID_INPUT', 'An Aegis password slot has an empty or oversized salt: the file is damaged.');
    const wrappedKey = requireLength(decodeHex(requireString(slot, 'key', what), `${what}'s key`), AES_256_KEY_BYTES, `${what}'s key`);
    return { params, salt, wrappedKey, ...readGcmParams(slot, 'key_params', what) };
  });
}

async function unwrapMasterKey(slots: PasswordSlot[], passphrase: string): Promise<Buffer> {
  for (const slot of slots) {
    const slotKey = await deriveScrypt(passphrase, slot.salt, slot.params, AES_256_KEY_BYTES, WHAT);
    const master = openAesGcm(slotKey, slot.nonce, { ciphertext: slot.wrappedKey, tag: slot.tag });
    if (master !== null) return master;
  }
  throw appError('WRONG_PASSPHRASE', 'The password does not open this Aegis backup. Check it and try again.', { field: 'passphrase' });
}

async function decryptContent(doc: JsonObject, header: JsonObject, passphrase: string | undefined, limits: KdfLimits): Promise<unknown> {
  const slots = readPasswordSlots(header, limits);
  const { nonce, tag } = readGcmParams(header, 'params', 'Aegis backup header');
  const ciphertext = decodeBase64(requireString(doc, 'db', WHAT), 'Aegis backup\'s encrypted data');
  if (passphrase === undefined || passphrase === '') {
    throw appError('INVALID_INPUT', 'This Aegis backup is encrypted: give the password it was exported with.', { field: 'passphrase' });
  }
  const master = await unwrapMasterKey(slots, passphrase);
  const plaintext = openAesGcm(master, nonce, { ciphertext, tag });
  if (plaintext === null) throw appError('INVALID_INPUT', 'The Aegis backup is damaged: its encrypted contents fail the integrity check. Nothing was imported.');
  return parseJson(decodeUtf8(plaintext, 'Aegis backup contents'), 'Aegis backup contents');
}

function readEntry(entry: unknown, number: number): BackupAccount | ImportProblem {
  if (!isJsonObject(entry)) return entryProblem(number, 'it is not an entry object', undefined);
  const name = entryName(entry.issuer, entry.name);
  const type = supportedType(entry.type);
  if (type === null) return entryProblem(number, unsupportedTypeReason(entry.type), name);
  const info = entry.info;
  if (!isJsonObject(info)) return entryProblem(number, 'it has no "info" with its secret and settings', name);
  const checked = checkAccountFields({
    issuer: entry.issuer, label: entry.name, type,
    algorithm: info.algo, digits: info.digits, period: info.period, counter: info.counter, secret: info.secret,
  });
  return checked.ok ? checked.account : entryProblem(number, checked.reason, name);
}

function readContent(content: unknown): ImportedEntries {
  if (!isJsonObject(content)) throw appError('INVALID_INPUT', 'The Aegis backup\'s contents are not an object: the file is damaged.');
  const version = requireInteger(content, 'version', 'Aegis backup contents');
  if (version < 1) throw appError('INVALID_INPUT', `The Aegis backup's contents have version ${version}, which Aegis never wrote: the file is damaged.`);
  const accounts: BackupAccount[] = [];
  const problems: ImportProblem[] = [];
  requireArray(content, 'entries', 'Aegis backup contents').forEach((entry, i) => {
    const read = readEntry(entry, i + 1);
    if ('reason' in read) problems.push(read);
    else accounts.push(read);
  });
  return { accounts, problems };
}

/** Imports a parsed Aegis vault export, plain or encrypted: all readable entries plus the skipped ones. */
export async function importAegis(doc: unknown, passphrase: string | undefined, limits: KdfLimits = DEFAULT_KDF_LIMITS): Promise<ImportedEntries & { encrypted: boolean }> {
  if (!isJsonObject(doc) || !looksLikeAegis(doc)) throw appError('INVALID_INPUT', 'The file is not an Aegis backup: it has no "header" and "db".');
  const version = requireInteger(doc, 'version', WHAT);
  if (version !== 1) throw appError('INVALID_INPUT', `This Aegis backup has file version ${version}; Traykey reads version 1.`);
  if (typeof doc.db === 'string') {
    const header = requireObject(doc, 'header', WHAT);
    return { ...readContent(await decryptContent(doc, header, passphrase, limits)), encrypted: true };
  }
  if (isJsonObject(doc.db)) return { ...readContent(doc.db), encrypted: false };
  throw appError('INVALID_INPUT', 'The Aegis backup\'s "db" is neither encrypted text nor a list of entries: the file is damaged.');
}
