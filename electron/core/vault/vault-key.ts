import { randomBytes } from 'node:crypto';
import { appError } from '../../../shared/errors';
import { AES_256_KEY_BYTES } from '../crypto/aes-gcm';
import { deriveScrypt, PASSPHRASE_SCRYPT, scryptParamsProblem, VAULT_KDF_LIMITS, type ScryptParams } from '../crypto/passphrase-kdf';
import { KEYCHAIN_SERVICE, type KeyStore } from '../keychain/key-store';
import { keyCheckFor, keyMatches, type VaultHeader } from './format';
import { vaultCorrupt, type VaultFiles } from './vault-errors';

export type KeySource = { kind: 'keychain'; store: KeyStore } | { kind: 'passphrase'; passphrase: string };

/** The keychain entry that holds a vault's key: one per vault, named by the id in its header. */
export const keychainAccount = (vaultId: Uint8Array): string => `vault-${Buffer.from(vaultId).toString('hex')}`;

function checkPassphrase(passphrase: string): void {
  if (passphrase.length === 0) throw appError('INVALID_INPUT', 'The vault passphrase is empty: set a non-empty TRAYKEY_PASSPHRASE or passphrase file.', { field: 'passphrase' });
}

/** The 256-bit vault key for a passphrase, taken as NFC so the same words typed on any system open it; check the parameters first. */
export function deriveVaultKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  return deriveScrypt(passphrase.normalize('NFC'), salt, params, AES_256_KEY_BYTES, 'vault');
}

/** A new vault's header and key; in keychain mode the key is stored before any file exists. */
export async function createVaultKey(source: KeySource, testScrypt?: ScryptParams): Promise<{ header: VaultHeader; key: Buffer }> {
  const vaultId = randomBytes(16);
  if (source.kind === 'keychain') {
    const key = randomBytes(AES_256_KEY_BYTES);
    await source.store.set(KEYCHAIN_SERVICE, keychainAccount(vaultId), key.toString('base64'));
    return { header: { mode: 'keychain', salt: Buffer.alloc(16), vaultId, keyCheck: keyCheckFor(key, vaultId) }, key };
  }
  checkPassphrase(source.passphrase);
  return passphraseVaultKey(source.passphrase, vaultId, testScrypt ?? PASSPHRASE_SCRYPT);
}

/** A passphrase vault's header and key under a fresh salt: for a new vault, or to raise an old vault's KDF cost. */
export async function passphraseVaultKey(passphrase: string, vaultId: Buffer, scrypt: ScryptParams): Promise<{ header: VaultHeader; key: Buffer }> {
  const salt = randomBytes(16);
  const key = await deriveVaultKey(passphrase, salt, scrypt);
  return { header: { mode: 'passphrase', scrypt, salt, vaultId, keyCheck: keyCheckFor(key, vaultId) }, key };
}

/** Best effort: forget the key of a vault whose file could not be written. */
export async function forgetVaultKey(source: KeySource, header: VaultHeader): Promise<void> {
  if (source.kind === 'keychain') await source.store.delete(KEYCHAIN_SERVICE, keychainAccount(header.vaultId)).catch(() => false);
}

/** The key of an existing vault, checked against the header's key check before any decryption. */
export async function unlockVaultKey(source: KeySource, header: VaultHeader, files: VaultFiles): Promise<Buffer> {
  if (header.mode === 'passphrase' && source.kind !== 'passphrase') {
    throw appError('VAULT_LOCKED', `The vault ${files.path} is protected by a passphrase: set TRAYKEY_PASSPHRASE or pass --passphrase-file.`);
  }
  if (header.mode === 'keychain' && source.kind !== 'keychain') {
    throw appError('VAULT_LOCKED', `The vault ${files.path} keeps its key in the OS keychain, not under a passphrase: open it without TRAYKEY_PASSPHRASE or --passphrase-file.`);
  }
  if (source.kind === 'passphrase') {
    checkPassphrase(source.passphrase);
    if (!header.scrypt || scryptParamsProblem(header.scrypt, VAULT_KDF_LIMITS) !== undefined) throw vaultCorrupt(files, 'its key-derivation parameters are invalid or excessive');
    const key = await deriveVaultKey(source.passphrase, header.salt, header.scrypt);
    if (!keyMatches(key, header)) throw appError('WRONG_PASSPHRASE', `The passphrase does not open the vault ${files.path}; check TRAYKEY_PASSPHRASE or the passphrase file.`, { field: 'passphrase' });
    return key;
  }
  const account = keychainAccount(header.vaultId);
  const stored = await source.store.get(KEYCHAIN_SERVICE, account);
  if (stored === null) {
    throw appError('VAULT_LOCKED', `The OS keychain has no key for the vault ${files.path} (entry "${KEYCHAIN_SERVICE}" / "${account}"): the keychain may be locked (unlock it and try again), or the vault was made under another user or machine, or the entry was deleted, and it cannot be opened without it.`);
  }
  const key = Buffer.from(stored, 'base64');
  if (key.length !== 32 || !keyMatches(key, header)) {
    throw appError('VAULT_LOCKED', `The OS keychain's key for the vault ${files.path} (entry "${KEYCHAIN_SERVICE}" / "${account}") does not match the vault, so it cannot be opened.`);
  }
  return key;
}
