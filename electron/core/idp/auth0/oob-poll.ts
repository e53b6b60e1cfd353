import type { HttpClient } from '../http/client';
import type { TokenResponse } from './schemas';
import type { Auth0TokenGrants } from './token-grants';

export interface OobPollOptions {
  bindingCode?: string;
  /** Starting pause between attempts (Auth0's samples wait about 5 s). */
  intervalMs?: number;
  /** Added to the pause at each slow_down, as RFC 8628 §3.5 asks. */
  slowDownStepMs?: number;
  maxWaitMs?: number;
  signal?: AbortSignal;
}

export type OobPollOutcome =
  | { result: 'APPROVED'; tokens: TokenResponse; polls: number; finalIntervalMs: number }
  | { result: 'REJECTED'; providerCode: string }
  /** expired_token: the push or the mfa_token ran out. */
  | { result: 'EXPIRED' }
  /** maxWaitMs passed while Auth0 still said authorization_pending. */
  | { result: 'GAVE_UP' }
  /** The caller's signal fired. */
  | { result: 'ABORTED' };

/**
 * Polls the mfa-oob grant: authorization_pending → wait the interval and ask again;
 * slow_down → lengthen the interval; rejection and an expired mfa_token end the loop.
 */
export async function pollOob(http: HttpClient, grants: Auth0TokenGrants, mfaToken: string, oobCode: string, options: OobPollOptions = {}): Promise<OobPollOutcome> {
  let interval = options.intervalMs ?? 5_000;
  const step = options.slowDownStepMs ?? 5_000;
  const deadline = http.now() + (options.maxWaitMs ?? 5 * 60_000);
  let polls = 0;
  try {
    for (;;) {
      polls += 1;
      const answer = await grants.oob(mfaToken, oobCode, options.bindingCode, options.signal);
      switch (answer.kind) {
        case 'tokens':
          return { result: 'APPROVED', tokens: answer.tokens, polls, finalIntervalMs: interval };
        case 'rejected':
          return { result: 'REJECTED', providerCode: answer.providerCode };
        case 'expired_token':
          return { result: 'EXPIRED' };
        case 'slow_down':
          interval += step;
          break;
        case 'authorization_pending':
          break;
      }
      if (http.now() + interval > deadline) return { result: 'GAVE_UP' };
      await http.sleep(interval, options.signal);
    }
  } catch (error) {
    if (options.signal?.aborted) return { result: 'ABORTED' };
    throw error;
  }
}
