import { pbkdf2, scrypt } from 'node:crypto';
import { appError } from '../../../shared/errors';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** How much work a file may ask of us before we refuse it; a hostile file must not pin the CPU or memory. */
export interface KdfLimits {
  /** Upper bound on N·r·p (time) and, through N·r, on memory (128·N·r bytes). */
  maxScryptWork: number;
}

// Room for Traykey's own N=2^17,r=8,p=1 and Aegis' N=2^15,r=8,p=1 with headroom: at most 256 MiB.
export const DEFAULT_KDF_LIMITS: KdfLimits = { maxScryptWork: 2 ** 21 };

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

/** Rejects scrypt parameters that are malformed or cost more than the limits allow, naming the file kind. */
export function checkScryptParams(params: ScryptParams, limits: KdfLimits, what: string): ScryptParams {
  const { N, r, p } = params;
  // scrypt itself also requires N < 2^(16·r) (RFC 7914 §2).
  const wellFormed = [N, r, p].every((n) => Number.isSafeInteger(n) && n >= 1) && N <= 2 ** 30 && isPowerOfTwo(N) && r <= 1024 && p <= 1024 && Math.log2(N) < 16 * r;
  if (!wellFormed) throw appError('INVALID_INPUT', `The ${what} has invalid scrypt parameters: the file is damaged.`);
  if (N * r * p > limits.maxScryptWork) {
    throw appError('INVALID_INPUT', `The ${what} asks for more key-derivation work (scrypt N=${N}, r=${r}, p=${p}) than Traykey allows: it was not written by a supported app.`);
  }
  return params;
}

const unusable = (what: string) => appError('INVALID_INPUT', `The ${what}'s key-derivation parameters cannot be used: the file is damaged.`);

/** scrypt over the passphrase's UTF-8 bytes; call checkScryptParams first. */
export function deriveScrypt(passphrase: string, salt: Uint8Array, params: ScryptParams, length: number, what: string): Promise<Buffer> {
  const { N, r, p } = params;
  const maxmem = 256 * N * r + 2 ** 20;
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, length, { N, r, p, maxmem }, (error, key) => (error ? reject(unusable(what)) : resolve(key)));
  });
}

export function derivePbkdf2Sha256(passphrase: string, salt: Uint8Array, iterations: number, length: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    pbkdf2(passphrase, salt, iterations, length, 'sha256', (error, key) => (error ? reject(unusable(what)) : resolve(key)));
  });
}
