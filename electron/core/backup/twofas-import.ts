import type { BackupAccount } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import { checkAccountFields } from './account-fields';
import { AES_256_KEY_BYTES, GCM_NONCE_BYTES, GCM_TAG_BYTES, openAesGcm, type Sealed } from '../crypto/aes-gcm';
import { decodeBase64, requireLength } from './byte-codecs';
import { entryName, entryProblem, supportedType, unsupportedTypeReason } from './entry-problems';
import type { ImportedEntries, ImportProblem } from './imported-account';
import { isJsonObject, parseJson, requireArray, type JsonObject } from './json-shape';
import { derivePbkdf2Sha256 } from '../crypto/passphrase-kdf';
import { decodeUtf8 } from './text-decoding';

/*
 * 2FAS export (.2fas, JSON): { services: [...], groups, schemaVersion, ... }. Encrypted exports leave
 * services empty and carry servicesEncrypted and reference, each "data:salt:iv" in base64, where data is
 * AES-256-GCM ciphertext followed by its 16-byte tag, the key is PBKDF2-HMAC-SHA256(password, salt,
 * 10,000 iterations, 32 bytes), and reference is a fixed text encrypted the same way: if it opens, the
 * password is right. The decrypted services are a JSON list of service objects.
 */
const WHAT = '2FAS backup';
const PBKDF2_ITERATIONS = 10_000;
const MAX_SALT_BYTES = 1024;

export function looksLikeTwoFas(doc: JsonObject): boolean {
  return Array.isArray(doc.services) || typeof doc.servicesEncrypted === 'string';
}

export function twoFasIsEncrypted(doc: JsonObject): boolean {
  return typeof doc.servicesEncrypted === 'string' && doc.servicesEncrypted.trim() !== '';
}

interface EncryptedPart {
  sealed: Sealed;
  salt: Buffer;
  iv: Buffer;
}

function readEncryptedPart(value: string, what: string): EncryptedPart {
  const parts = value.split(':');
  if (parts.length !== 3) throw appError('INVALID_INPUT', `The ${what} should be three base64 parts separated by ":" but is not: the file is damaged.`);
  const [dataText, saltText, ivText] = parts as [string, string, string];
  const data = decodeBase64(dataText, `${what}'s data`);
  if (data.length <= GCM_TAG_BYTES) throw appError('INVALID_INPUT', `The ${what}'s data is too short to hold anything: the file is damaged.`);
  const salt = decodeBase64(saltText, `${what}'s salt`);
  if (salt.length === 0 || salt.length > MAX_SALT_BYTES) throw appError('INVALID_INPUT', `The ${what}'s salt is empty or oversized: the file is damaged.`);
  const iv = requireLength(decodeBase64(ivText, `${what}'s IV`), GCM_NONCE_BYTES, `${what}'s IV`);
  const sealed = { ciphertext: data.subarray(0, data.length - GCM_TAG_BYTES), tag: data.subarray(data.length - GCM_TAG_BYTES) };
  return { sealed, salt, iv };
}

async function decryptServices(doc: JsonObject, passphrase: string | undefined): Promise<unknown> {
  const services = readEncryptedPart(String(doc.servicesEncrypted), '2FAS encrypted services');
  const reference = typeof doc.reference === 'string' && doc.reference !== '' ? readEncryptedPart(doc.reference, '2FAS password reference') : null;
  if (passphrase === undefined || passphrase === '') {
    throw appError('INVALID_INPUT', 'This 2FAS backup is encrypted: give the password it was exported with.', { field: 'passphrase' });
  }
  // 2FAS encrypts both parts under one salt; derive once when that holds.
  const keys = new Map<string, Buffer>();
  const keyFor = async (salt: Buffer): Promise<Buffer> => {
    const id = salt.toString('hex');
    const known = keys.get(id);
    if (known) return known;
    const key = await derivePbkdf2Sha256(passphrase, salt, PBKDF2_ITERATIONS, AES_256_KEY_BYTES, WHAT);
    keys.set(id, key);
    return key;
  };
  const wrong = appError('WRONG_PASSPHRASE', 'The password does not open this 2FAS backup. Check it and try again.', { field: 'passphrase' });
  if (reference !== null && openAesGcm(await keyFor(reference.salt), reference.iv, reference.sealed) === null) throw wrong;
  const plaintext = openAesGcm(await keyFor(services.salt), services.iv, services.sealed);
  if (plaintext === null) {
    if (reference === null) throw wrong;
    throw appError('INVALID_INPUT', 'The 2FAS backup is damaged: its encrypted services fail the integrity check. Nothing was imported.');
  }
  return parseJson(decodeUtf8(plaintext, '2FAS backup contents'), '2FAS backup contents');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function readService(service: unknown, number: number): BackupAccount | ImportProblem {
  if (!isJsonObject(service)) return entryProblem(number, 'it is not a service object', undefined);
  const otp: JsonObject = isJsonObject(service.otp) ? service.otp : {};
  const issuer = text(otp.issuer) ?? service.name;
  const label = text(otp.account) ?? text(otp.label) ?? '';
  const name = entryName(issuer, label);
  const type = otp.tokenType === undefined || otp.tokenType === null ? 'totp' : supportedType(otp.tokenType);
  if (type === null) return entryProblem(number, unsupportedTypeReason(otp.tokenType), name);
  const checked = checkAccountFields({
    issuer, label, type,
    algorithm: otp.algorithm, digits: otp.digits, period: otp.period, counter: otp.counter, secret: service.secret,
  });
  return checked.ok ? checked.account : entryProblem(number, checked.reason, name);
}

function readServices(services: unknown[]): ImportedEntries {
  const accounts: BackupAccount[] = [];
  const problems: ImportProblem[] = [];
  services.forEach((service, i) => {
    const read = readService(service, i + 1);
    if ('reason' in read) problems.push(read);
    else accounts.push(read);
  });
  return { accounts, problems };
}

/** Imports a parsed 2FAS export, plain or encrypted: all readable services plus the skipped ones. */
export async function importTwoFas(doc: unknown, passphrase: string | undefined): Promise<ImportedEntries & { encrypted: boolean }> {
  if (!isJsonObject(doc) || !looksLikeTwoFas(doc)) throw appError('INVALID_INPUT', 'The file is not a 2FAS backup: it has no "services" list.');
  if (twoFasIsEncrypted(doc)) {
    const services = await decryptServices(doc, passphrase);
    if (!Array.isArray(services)) throw appError('INVALID_INPUT', 'The 2FAS backup\'s decrypted services are not a list: the file is damaged.');
    return { ...readServices(services), encrypted: true };
  }
  return { ...readServices(requireArray(doc, 'services', WHAT)), encrypted: false };
}
