import { checkedWaitMs } from '../idp/http/announced-wait';
import type { OktaCibaClient } from '../idp/okta/ciba';
import { verifyIdToken, type IdTokenClaims } from './id-token';

export interface ConfirmRequest {
  loginHint: string;
  bindingMessage?: string;
  requestExpirySeconds?: number;
}

export interface ConfirmOptions {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Told once the request is waiting for the user, with its expiry (epoch ms). */
  onWaiting?: (expiresAt: number) => void;
}

export type ConfirmOutcome =
  | { result: 'APPROVED'; claims: IdTokenClaims; polls: number }
  | { result: 'DENIED'; polls: number }
  | { result: 'EXPIRED'; polls: number }
  | { result: 'ABORTED'; polls: number };

/** CIBA Core §11: each slow_down lengthens the interval by 5 s for the rest of the request. */
const SLOW_DOWN_STEP_MS = 5_000;
/** Okta's default when an answer leaves out `interval`. */
const DEFAULT_INTERVAL_MS = 5_000;

/**
 * Asks a user to confirm through CIBA and polls the ciba grant until they answer or the request
 * expires, waiting `interval` before each poll (the first one included). An approval counts only
 * once its id token verifies against the authorization server's keys.
 */
export async function confirmWithCiba(client: OktaCibaClient, request: ConfirmRequest, options: ConfirmOptions): Promise<ConfirmOutcome> {
  const { signal } = options;
  let polls = 0;
  try {
    const started = await client.authorize(
      {
        loginHint: request.loginHint,
        ...(request.bindingMessage !== undefined ? { bindingMessage: request.bindingMessage } : {}),
        ...(request.requestExpirySeconds !== undefined ? { requestExpirySeconds: request.requestExpirySeconds } : {}),
      },
      signal,
    );
    const expiresAt = options.now() + started.expires_in * 1000;
    options.onWaiting?.(expiresAt);
    let interval = started.interval !== undefined ? started.interval * 1000 : DEFAULT_INTERVAL_MS;
    for (;;) {
      await options.sleep(checkedWaitMs(interval, client.host, 'CIBA polling interval'), signal);
      polls += 1;
      const answer = await client.poll(started.auth_req_id, signal);
      switch (answer.kind) {
        case 'tokens':
          return { result: 'APPROVED', claims: await verifyIdToken(client, answer.tokens.id_token, options.now(), signal), polls };
        case 'access_denied':
          return { result: 'DENIED', polls };
        case 'expired_token':
          return { result: 'EXPIRED', polls };
        case 'slow_down':
          interval += SLOW_DOWN_STEP_MS;
          break;
        case 'authorization_pending':
          break;
      }
    }
  } catch (error) {
    if (signal?.aborted) return { result: 'ABORTED', polls };
    throw error;
  }
}
