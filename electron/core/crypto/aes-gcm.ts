import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * The one AES-256-GCM in Traykey: the vault file, Traykey backups, other apps' exports, sync records,
 * wrapped sync keys and pairing files all seal and open through here. 96-bit nonces, 128-bit tags.
 */
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
export const AES_256_KEY_BYTES = 32;

export interface Sealed {
  ciphertext: Buffer;
  tag: Buffer;
}

export function sealAesGcm(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/**
 * Opens AES-256-GCM, or returns null when authentication fails (wrong key or altered data): the caller
 * knows which of the two it is and says so. Lengths are checked by the callers before this point.
 */
export function openAesGcm(key: Uint8Array, nonce: Uint8Array, sealed: Sealed, aad?: Uint8Array): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAuthTag(sealed.tag);
  if (aad) decipher.setAAD(aad);
  const head = decipher.update(sealed.ciphertext);
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    return null;
  }
}

/** Seals under a fresh nonce into one self-contained box: nonce ‖ ciphertext ‖ tag. */
export function sealBox(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const sealed = sealAesGcm(key, nonce, plaintext, aad);
  return Buffer.concat([nonce, sealed.ciphertext, sealed.tag]);
}

/** Opens a box from sealBox, or null when it is too short to be one or fails authentication. */
export function openBox(key: Uint8Array, box: Buffer, aad: Uint8Array): Buffer | null {
  if (box.length < GCM_NONCE_BYTES + GCM_TAG_BYTES) return null;
  const sealed = { ciphertext: box.subarray(GCM_NONCE_BYTES, box.length - GCM_TAG_BYTES), tag: box.subarray(box.length - GCM_TAG_BYTES) };
  return openAesGcm(key, box.subarray(0, GCM_NONCE_BYTES), sealed, aad);
}
