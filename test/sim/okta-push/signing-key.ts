import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { SignJWT, type JWK, type JWTPayload } from 'jose';
import { randomId } from '../ids';

const generate = promisify(generateKeyPair);

interface KeyPair {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

/**
 * An org's RS256 signing key (challenges, id tokens, access tokens). Made on first use, so orgs
 * that never touch the custom authenticator cost nothing.
 */
export class OrgSigningKey {
  private pair: Promise<KeyPair> | undefined;

  private key(): Promise<KeyPair> {
    this.pair ??= newRsaKey();
    return this.pair;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.key()).publicJwk] };
  }

  async sign(claims: JWTPayload, typ?: string): Promise<string> {
    const { kid, privateKey } = await this.key();
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, ...(typ ? { typ } : {}) }).sign(privateKey);
  }
}

/** A key nobody published: the simulator forges challenges with it on request. */
export async function signWithForeignKey(claims: JWTPayload, typ: string, kid: string): Promise<string> {
  const { privateKey } = await newRsaKey();
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ }).sign(privateKey);
}

async function newRsaKey(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generate('rsa', { modulusLength: 2048 });
  const kid = randomId('', 43);
  const exported = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, publicJwk: { kty: 'RSA', n: exported.n, e: exported.e, kid, alg: 'RS256', use: 'sig' } };
}

export async function kidOf(state: { signingKey: OrgSigningKey }): Promise<string> {
  const { keys } = await state.signingKey.jwks();
  return keys[0]?.kid ?? '';
}
