export interface BackoffPolicy {
  /** Delay ceiling for the first retry, doubled each attempt. */
  baseMs: number;
  /** No single wait is longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 8_000 };

/**
 * "Full jitter" (AWS Architecture Blog, 2015): a uniform delay in [0, min(cap, base·2^n)).
 * Spreading retries over the whole window keeps many clients from retrying in lockstep.
 */
export function fullJitterDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
