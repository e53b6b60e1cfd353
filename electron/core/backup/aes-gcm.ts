import { createCipheriv, createDecipheriv } from 'node:crypto';

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
