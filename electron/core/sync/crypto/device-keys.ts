import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { openBox, sealBox } from '../../crypto/aes-gcm';

/** One key pair as base64 DER (SPKI public, PKCS#8 private), as the vault and the logs keep them. */
export interface KeyPairText {
  publicKey: string;
  privateKey: string;
}

/** A device's long-term keys: Ed25519 signs every record it writes; X25519 receives new sync keys. */
export interface DeviceKeys {
  sign: KeyPairText;
  box: KeyPairText;
}

function pairText(type: 'ed25519' | 'x25519'): KeyPairText {
  const { publicKey, privateKey } = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
}

export function generateDeviceKeys(): DeviceKeys {
  return { sign: pairText('ed25519'), box: pairText('x25519') };
}

const publicKeyOf = (text: string): KeyObject => createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
const privateKeyOf = (text: string): KeyObject => createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });

export const SIGNATURE_BYTES = 64;

export function signBytes(privateKey: string, data: Uint8Array): Buffer {
  return sign(null, data, privateKeyOf(privateKey));
}

/**
 * The group's signing keys, parsed once: every round checks each new record's signature, and parsing
 * the key cost about as much as the check itself. Public keys only; a group has a handful of devices.
 */
const signingKeys = new Map<string, KeyObject>();
const SIGNING_KEYS_KEPT = 64;

function signingKeyOf(text: string): KeyObject {
  let key = signingKeys.get(text);
  if (!key) {
    if (signingKeys.size >= SIGNING_KEYS_KEPT) signingKeys.clear();
    key = publicKeyOf(text);
    signingKeys.set(text, key);
  }
  return key;
}

/** False for a bad signature or a public key that is not one (a damaged membership record). */
export function verifyBytes(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, signingKeyOf(publicKey), signature);
  } catch {
    return false;
  }
}

/** A sync key sealed for one device: only its X25519 private key opens it. */
export interface WrappedKey {
  /** Ephemeral X25519 public key, base64 DER. */
  epk: string;
  /** nonce ‖ ciphertext ‖ tag, base64. */
  box: string;
}

function wrappingKey(shared: Buffer, keyId: string, device: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(keyId, 'hex'), `traykey sync key wrap ${device}`, 32));
}

export function wrapKeyFor(recipientBoxPublic: string, device: string, keyId: string, key: Buffer): WrappedKey {
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyOf(recipientBoxPublic) });
  const box = sealBox(wrappingKey(shared, keyId, device), key, Buffer.from(`${keyId}:${device}`));
  return { epk: ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), box: box.toString('base64') };
}

/** The sync key, or null when the wrap is not for this device or was altered. */
export function unwrapKey(ownBoxPrivate: string, device: string, keyId: string, wrapped: WrappedKey): Buffer | null {
  try {
    const shared = diffieHellman({ privateKey: privateKeyOf(ownBoxPrivate), publicKey: publicKeyOf(wrapped.epk) });
    return openBox(wrappingKey(shared, keyId, device), Buffer.from(wrapped.box, 'base64'), Buffer.from(`${keyId}:${device}`));
  } catch {
    return null;
  }
}
