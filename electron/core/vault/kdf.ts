import { scrypt } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * N=2^17, r=8, p=1: 128 MiB and, on the 2-core build machines, about twice 2^16's cost (`npm run
 * bench:vault` prints both). A passphrase vault is a file people copy around, so the KDF is its only
 * defence against guessing once the file is out; the cost is paid once per unlock.
 * Vaults with a lower cost still open and are re-keyed at this cost on their next save.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** A file may not ask for more than this much work (N·r·p, and 128·N·r bytes of memory: 512 MiB). */
const MAX_WORK = 2 ** 22;

export function scryptParamsUsable(params: ScryptParams): boolean {
  const { N, r, p } = params;
  const wellFormed = [N, r, p].every((n) => Number.isSafeInteger(n) && n >= 1) && N >= 2 && (N & (N - 1)) === 0 && Math.log2(N) < 16 * r;
  return wellFormed && N * r * p <= MAX_WORK;
}

/** The 256-bit vault key for a passphrase; the caller has checked the parameters. */
export function deriveVaultKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 2 ** 20 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
