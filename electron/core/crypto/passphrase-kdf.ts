import { pbkdf2, scrypt } from 'node:crypto';
import { appError } from '../../../shared/errors';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * N=2^17, r=8, p=1 for everything Traykey seals with a passphrase (the vault, backups): 128 MiB and, on
 * the 2-core build machines, about twice 2^16's cost (`npm run bench:vault` prints both). A vault or a
 * backup is a file people copy around, so the KDF is its only defence against guessing once the file is
 * out; the cost is paid once per unlock or import. Vaults with a lower cost still open and are re-keyed
 * at this cost on their next save.
 */
export const PASSPHRASE_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** How much work a file may ask of us before we refuse it; a hostile file must not pin the CPU or memory. */
export interface KdfLimits {
  /** Upper bound on N·r·p (time) and, through N·r, on memory (128·N·r bytes). */
  maxScryptWork: number;
}

/** Files from elsewhere (backups, Aegis vaults): room for Traykey's 2^17·8 and Aegis' 2^15·8 with headroom, at most 256 MiB. */
export const DEFAULT_KDF_LIMITS: KdfLimits = { maxScryptWork: 2 ** 21 };

/** The vault: twice that (512 MiB), so a vault written by a later Traykey with a raised cost still opens. */
export const VAULT_KDF_LIMITS: KdfLimits = { maxScryptWork: 2 ** 22 };

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

/** What is wrong with scrypt parameters read from a file, if anything: malformed, or more work than the limits allow. */
export function scryptParamsProblem(params: ScryptParams, limits: KdfLimits): 'malformed' | 'excessive' | undefined {
  const { N, r, p } = params;
  // scrypt itself also requires N < 2^(16·r) (RFC 7914 §2).
  const wellFormed = [N, r, p].every((n) => Number.isSafeInteger(n) && n >= 1) && N <= 2 ** 30 && isPowerOfTwo(N) && r <= 1024 && p <= 1024 && Math.log2(N) < 16 * r;
  if (!wellFormed) return 'malformed';
  return N * r * p > limits.maxScryptWork ? 'excessive' : undefined;
}

/** Rejects scrypt parameters that are malformed or cost more than the limits allow, naming the file kind. */
export function checkScryptParams(params: ScryptParams, limits: KdfLimits, what: string): ScryptParams {
  const problem = scryptParamsProblem(params, limits);
  if (problem === 'malformed') throw appError('INVALID_INPUT', `The ${what} has invalid scrypt parameters: the file is damaged.`);
  if (problem === 'excessive') {
    const { N, r, p } = params;
    throw appError('INVALID_INPUT', `The ${what} asks for more key-derivation work (scrypt N=${N}, r=${r}, p=${p}) than Traykey allows: it was not written by a supported app.`);
  }
  return params;
}

const unusable = (what: string) => appError('INVALID_INPUT', `The ${what}'s key-derivation parameters cannot be used: the file is damaged.`);

/** scrypt over the passphrase's UTF-8 bytes as given (callers that normalise do so first); check the parameters first. */
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
