import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { OTP_TYPES, backupFormOf, type BackupAccount, type OtpType } from '../../../shared/accounts';
import { appError } from '../../../shared/errors';
import { checkAccountFields } from './account-fields';
import { AES_256_KEY_BYTES, GCM_NONCE_BYTES, GCM_TAG_BYTES, openAesGcm, sealAesGcm } from '../crypto/aes-gcm';
import { decodeBase64, requireLength } from './byte-codecs';
import { DEFAULT_KDF_LIMITS, PASSPHRASE_SCRYPT, checkScryptParams, deriveScrypt, type KdfLimits, type ScryptParams } from '../crypto/passphrase-kdf';
import { isJsonObject, parseJson, requireArray, requireInteger, requireObject, requireString, type JsonObject } from './json-shape';
import { decodeUtf8 } from './text-decoding';
import { requireStrongPassphrase } from '../../../shared/passphrase-strength';

/*
 * A Traykey backup is one JSON envelope that names itself and everything needed to open it:
 *   { format, version, kdf: {name, N, r, p, salt}, cipher: {name, nonce}, check, ciphertext, tag }
 * scrypt gives 64 bytes: the first 32 are the AES-256-GCM key, the last 32 key an HMAC whose first 16
 * bytes are stored as `check`, so a wrong passphrase is told apart from a damaged file. The header
 * (all but ciphertext and tag) is the GCM associated data, so it cannot be altered unnoticed.
 * The plaintext is { accounts: [{ issuer, label, type, algorithm, digits, period, counter?, secret,
 * recoveryCode? }] }. recoveryCode came later within version 1: files without it still import, and a
 * Traykey that predates it ignores it rather than refusing the file.
 */
export const TRAYKEY_BACKUP_FORMAT = 'traykey-backup';
export const TRAYKEY_BACKUP_VERSION = 1;

const WHAT = 'Traykey backup';
const SALT_BYTES = 32;
const CHECK_BYTES = 16;
const CHECK_LABEL = 'traykey-backup passphrase check';

interface Header {
  format: string;
  version: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; nonce: string };
  check: string;
}

/** The associated data: the header re-serialised in one fixed key order, whatever order the file used. */
function headerAad(h: Header): Buffer {
  const ordered = {
    format: h.format,
    version: h.version,
    kdf: { name: h.kdf.name, N: h.kdf.N, r: h.kdf.r, p: h.kdf.p, salt: h.kdf.salt },
    cipher: { name: h.cipher.name, nonce: h.cipher.nonce },
    check: h.check,
  };
  return Buffer.from(JSON.stringify(ordered), 'utf8');
}

async function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<{ key: Buffer; check: Buffer }> {
  const material = await deriveScrypt(passphrase.normalize('NFC'), salt, params, 64, WHAT);
  const check = createHmac('sha256', material.subarray(32)).update(CHECK_LABEL).digest().subarray(0, CHECK_BYTES);
  return { key: material.subarray(0, AES_256_KEY_BYTES), check };
}

export interface ExportOptions {
  /** Only tests lower these; files written with the defaults take about half a second to open. */
  scrypt?: ScryptParams;
}

export async function exportTraykeyBackup(accounts: readonly BackupAccount[], passphrase: string, options: ExportOptions = {}): Promise<Uint8Array> {
  await requireStrongPassphrase(passphrase, 'backup');
  const params = options.scrypt ?? PASSPHRASE_SCRYPT;
  checkScryptParams(params, { maxScryptWork: Number.MAX_SAFE_INTEGER }, WHAT);
  const payload = accounts.map((account, i) => {
    const checked = checkAccountFields(account);
    if (!checked.ok) throw appError('INVALID_INPUT', `Account ${i + 1} cannot be backed up: ${checked.reason}.`);
    return backupFormOf(checked.account, checked.account.recoveryCode);
  });
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const { key, check } = await deriveKeys(passphrase, salt, params);
  const header: Header = {
    format: TRAYKEY_BACKUP_FORMAT,
    version: TRAYKEY_BACKUP_VERSION,
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', nonce: nonce.toString('base64') },
    check: check.toString('base64'),
  };
  const plaintext = Buffer.from(JSON.stringify({ accounts: payload }), 'utf8');
  const sealed = sealAesGcm(key, nonce, plaintext, headerAad(header));
  const envelope = { ...header, ciphertext: sealed.ciphertext.toString('base64'), tag: sealed.tag.toString('base64') };
  return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
}

function readHeader(doc: JsonObject): Header {
  if (doc.format !== TRAYKEY_BACKUP_FORMAT) throw appError('INVALID_INPUT', 'The file is not a Traykey backup: its "format" is not "traykey-backup".');
  const version = requireInteger(doc, 'version', WHAT);
  if (version !== TRAYKEY_BACKUP_VERSION) {
    throw appError('INVALID_INPUT', version > TRAYKEY_BACKUP_VERSION
      ? `This Traykey backup has format version ${version}, newer than this Traykey reads (${TRAYKEY_BACKUP_VERSION}): update Traykey to import it.`
      : `This Traykey backup has format version ${version}, which no Traykey writes: the file is damaged.`);
  }
  const kdf = requireObject(doc, 'kdf', WHAT);
  if (kdf.name !== 'scrypt') throw appError('INVALID_INPUT', 'This Traykey backup names a key-derivation function other than scrypt: the file is damaged or newer than this Traykey.');
  const cipher = requireObject(doc, 'cipher', WHAT);
  if (cipher.name !== 'aes-256-gcm') throw appError('INVALID_INPUT', 'This Traykey backup names a cipher other than AES-256-GCM: the file is damaged or newer than this Traykey.');
  return {
    format: TRAYKEY_BACKUP_FORMAT,
    version,
    kdf: { name: 'scrypt', N: requireInteger(kdf, 'N', WHAT), r: requireInteger(kdf, 'r', WHAT), p: requireInteger(kdf, 'p', WHAT), salt: requireString(kdf, 'salt', WHAT) },
    cipher: { name: 'aes-256-gcm', nonce: requireString(cipher, 'nonce', WHAT) },
    check: requireString(doc, 'check', WHAT),
  };
}

function readAccounts(plaintext: Buffer): BackupAccount[] {
  const doc = parseJson(decodeUtf8(plaintext, 'backup contents'), 'backup contents');
  if (!isJsonObject(doc)) throw appError('INVALID_INPUT', 'The Traykey backup\'s contents are not an object: the file was not written by Traykey.');
  return requireArray(doc, 'accounts', 'backup contents').map((entry, i) => {
    const type = isJsonObject(entry) ? entry.type : undefined;
    if (!isJsonObject(entry) || typeof type !== 'string' || !(OTP_TYPES as readonly string[]).includes(type)) {
      throw appError('INVALID_INPUT', `Account ${i + 1} in the Traykey backup has no valid type: the file was not written by Traykey.`);
    }
    // Backups written before recovery codes were kept have none; the field is optional for that reason.
    const { issuer, label, algorithm, digits, period, counter, secret, recoveryCode } = entry;
    const checked = checkAccountFields({ issuer, label, type: type as OtpType, algorithm, digits, period, counter, secret, recoveryCode });
    if (!checked.ok) throw appError('INVALID_INPUT', `Account ${i + 1} in the Traykey backup is not valid (${checked.reason}): the file was not written by Traykey.`);
    return checked.account;
  });
}

/** Opens a parsed Traykey backup envelope: every account, or an AppError and nothing. */
export async function openTraykeyBackup(doc: unknown, passphrase: string | undefined, limits: KdfLimits = DEFAULT_KDF_LIMITS): Promise<BackupAccount[]> {
  if (!isJsonObject(doc)) throw appError('INVALID_INPUT', 'The file is not a Traykey backup: it is not a JSON object.');
  const header = readHeader(doc);
  const params = checkScryptParams({ N: header.kdf.N, r: header.kdf.r, p: header.kdf.p }, limits, WHAT);
  const salt = requireLength(decodeBase64(header.kdf.salt, 'backup\'s salt'), SALT_BYTES, 'backup\'s salt');
  const nonce = requireLength(decodeBase64(header.cipher.nonce, 'backup\'s nonce'), GCM_NONCE_BYTES, 'backup\'s nonce');
  const storedCheck = requireLength(decodeBase64(header.check, 'backup\'s passphrase check'), CHECK_BYTES, 'backup\'s passphrase check');
  const ciphertext = decodeBase64(requireString(doc, 'ciphertext', WHAT), 'backup\'s ciphertext');
  const tag = requireLength(decodeBase64(requireString(doc, 'tag', WHAT), 'backup\'s authentication tag'), GCM_TAG_BYTES, 'backup\'s authentication tag');
  if (passphrase === undefined || passphrase === '') {
    throw appError('INVALID_INPUT', 'This Traykey backup is encrypted: give the passphrase it was exported with.', { field: 'passphrase' });
  }
  const { key, check } = await deriveKeys(passphrase, salt, params);
  if (!timingSafeEqual(check, storedCheck)) {
    throw appError('WRONG_PASSPHRASE', 'The passphrase does not open this Traykey backup. Check it and try again; if it is right, the file\'s header is damaged.', { field: 'passphrase' });
  }
  const plaintext = openAesGcm(key, nonce, { ciphertext, tag }, headerAad(header));
  if (plaintext === null) throw appError('INVALID_INPUT', 'The Traykey backup is damaged: its encrypted contents fail the integrity check. Nothing was imported.');
  return readAccounts(plaintext);
}

/** Reads a Traykey backup file's bytes: every account, or an AppError and nothing. */
export async function importTraykeyBackup(bytes: Uint8Array, passphrase: string | undefined, limits: KdfLimits = DEFAULT_KDF_LIMITS): Promise<BackupAccount[]> {
  return openTraykeyBackup(parseJson(decodeUtf8(bytes, WHAT), WHAT), passphrase, limits);
}
