import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import type { StoredJwk } from './push-record';

/** The public half as sent to Okta: software keys, since they are made and kept on this machine. */
export type PublicJwk = Omit<StoredJwk, 'd'> & { 'okta:kpr': 'SOFTWARE' };

/** A fresh P-256 key pair; the private JWK goes to the vault, the public one to the org. */
export async function createDeviceKey(): Promise<StoredJwk> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || typeof jwk.d !== 'string') throw new Error('key generation gave an incomplete P-256 key');
  const kid = await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d, kid };
}

export function publicJwk(key: StoredJwk): PublicJwk {
  return { kty: key.kty, crv: key.crv, x: key.x, y: key.y, kid: key.kid, 'okta:kpr': 'SOFTWARE' };
}

export async function signingKey(key: StoredJwk, options: { extractable?: boolean } = {}): Promise<CryptoKey> {
  if (!key.d) throw new Error('the stored key has no private half');
  const imported = await importJWK({ kty: key.kty, crv: key.crv, x: key.x, y: key.y, d: key.d }, 'ES256', options);
  if (imported instanceof Uint8Array) throw new Error('an EC key imported as raw bytes');
  return imported;
}
