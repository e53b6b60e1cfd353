import type { HttpClient } from '../http/client';
import { findLink } from './links';
import { AuthnTransaction, type FactorResult } from './schemas';

export interface PollOptions {
  signal?: AbortSignal;
  /** Pause between polls; Okta's own samples poll every few seconds. */
  intervalMs?: number;
  /** Give up (result GAVE_UP) after this long even if Okta still says WAITING. */
  maxWaitMs?: number;
}

/**
 * SUCCESS, or the factorResult Okta ended on (REJECTED, TIMEOUT…); ABORTED when the caller's
 * signal fired, GAVE_UP when maxWaitMs passed (names Okta itself never uses).
 */
export type PollOutcome =
  | { result: 'SUCCESS'; transaction: AuthnTransaction }
  | { result: Exclude<FactorResult, 'WAITING' | 'SUCCESS'>; transaction: AuthnTransaction }
  | { result: 'ABORTED' }
  | { result: 'GAVE_UP'; transaction: AuthnTransaction };

export const DEFAULT_POLL_INTERVAL_MS = 4_000;
const DEFAULT_MAX_WAIT_MS = 5 * 60_000;

/**
 * Follows the transaction's `next` link named `poll` until factorResult leaves WAITING
 * (push verification and push activation both work this way). Aborting the signal ends
 * the loop between or during polls without an error.
 */
export async function pollTransaction(http: HttpClient, start: AuthnTransaction, options: PollOptions = {}): Promise<PollOutcome> {
  const interval = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = http.now() + (options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
  let transaction = start;
  try {
    for (;;) {
      const settled = settledOutcome(transaction);
      if (settled) return settled;
      const poll = findLink(transaction._links, 'next', 'poll') ?? findLink(transaction._links, 'poll');
      if (!poll || http.now() >= deadline) return { result: 'GAVE_UP', transaction };
      await http.sleep(interval, options.signal);
      transaction = await http.json(
        {
          method: 'POST',
          link: poll.href,
          json: { stateToken: transaction.stateToken },
          secrets: [transaction.stateToken],
          // Polling only reads the transaction's state, so repeating it is harmless.
          safeToRetry: true,
          ...(options.signal ? { signal: options.signal } : {}),
        },
        AuthnTransaction,
      );
    }
  } catch (error) {
    if (options.signal?.aborted) return { result: 'ABORTED' };
    throw error;
  }
}

function settledOutcome(transaction: AuthnTransaction): PollOutcome | undefined {
  if (transaction.status === 'SUCCESS') return { result: 'SUCCESS', transaction };
  const result = transaction.factorResult;
  if (result === undefined || result === 'WAITING' || result === 'SUCCESS') return undefined;
  return { result, transaction };
}
