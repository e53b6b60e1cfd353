import { appError, isAppError } from '../../../shared/errors';
import { OktaAuthnClient } from '../idp/okta/authn';
import { connectOktaOrg } from '../idp/okta/org';
import type { AuthnTransaction } from '../idp/okta/schemas';
import type { PollOutcome } from '../idp/okta/transaction-poll';
import { activationQr, type ActivationQr } from './activation-qr';

export type FactorChoice = 'auto' | 'totp' | 'push';

export interface OktaSignInInput {
  orgUrl: string;
  login: string;
  password: string;
  factor: FactorChoice;
}

export interface OktaSignInDeps {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** The current TOTP code from the vault for this login and org (skew-corrected `at`), if Traykey holds one. */
  vaultTotp: (at: number) => Promise<string | undefined>;
  /** Okta Verify enrolment: show this QR to the user's phone. */
  onActivationQr?: (qr: ActivationQr) => void;
  /** Before each wait for the phone, with the time left (ms) until the push or QR code times out. */
  onCountdown?: (leftMs: number, what: 'push' | 'activation') => void;
  pollIntervalMs?: number;
}

export type OktaSignInOutcome =
  /** sessionToken is the one-time token Okta issued, already exchanged for the session `sessionId` names; callers print both only when asked. */
  | { result: 'SIGNED_IN'; login: string; method: 'password' | 'totp' | 'push' | 'push-enrolled'; sessionExpiresAt?: string; sessionId: string; sessionToken: string }
  | { result: 'REJECTED' | 'TIMEOUT' | 'CANCELLED'; method: 'push' | 'push-enrolled' };

/** Okta Verify push prompts time out after five minutes. */
const PUSH_LIFETIME_MS = 5 * 60_000;
const POLL_GRACE_MS = 30_000;

/**
 * The classic sign-in of the reference script: password, then MFA_ENROLL (enrol Okta Verify from a
 * QR code) or MFA_REQUIRED (TOTP from the vault, else Okta Verify push), then the session exchange
 * checked with GET /api/v1/sessions/me. Cancelling cancels the transaction at Okta too.
 */
export async function signInOkta(input: OktaSignInInput, deps: OktaSignInDeps): Promise<OktaSignInOutcome> {
  let countdown: { until: number; what: 'push' | 'activation' } | undefined;
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (countdown) deps.onCountdown?.(Math.max(0, countdown.until - deps.now()), countdown.what);
    return deps.sleep(ms, signal);
  };
  const org = connectOktaOrg(input.orgUrl, { now: deps.now, sleep });
  const authn = new OktaAuthnClient(org.authn);
  const { signal } = deps;
  const poll = { ...(signal ? { signal } : {}), intervalMs: deps.pollIntervalMs ?? 4_000, maxWaitMs: PUSH_LIFETIME_MS + POLL_GRACE_MS };

  const first = await authn.primary({ username: input.login, password: input.password }, signal);
  if (first.status === 'SUCCESS') return finish(authn, first, input.login, 'password', signal);

  if (first.status === 'MFA_ENROLL') {
    if (input.factor === 'totp') throw appError('UNSUPPORTED', 'The user has no factor yet; Okta asks to enrol one. Sign in with --factor auto or push to enrol Okta Verify.');
    if (!authn.findFactor(first, 'push', 'OKTA')) throw appError('UNSUPPORTED', 'Okta does not offer Okta Verify push to this user, so Traykey cannot enrol it.');
    const activating = await authn.enroll(first, { factorType: 'push', provider: 'OKTA' }, signal);
    const qr = await activationQr(org.authn, authn, activating, signal);
    deps.onActivationQr?.(qr);
    countdown = { until: qr.expiresAt ?? deps.now() + PUSH_LIFETIME_MS, what: 'activation' };
    return settle(authn, activating, await untilExpiry(authn.pollActivation(activating, poll)), input.login, 'push-enrolled', signal);
  }

  if (first.status !== 'MFA_REQUIRED') {
    throw appError('UNSUPPORTED', `Okta answered ${first.status}, a step Traykey does not handle: finish the sign-in in a browser.`);
  }
  const totp = authn.findFactor(first, 'token:software:totp');
  const push = authn.findFactor(first, 'push', 'OKTA');
  if (input.factor !== 'push' && totp) {
    const code = await deps.vaultTotp(deps.now() + (org.authn.clockSkewMs ?? 0));
    if (code) return finish(authn, await authn.verifyTotp(first, totp, code, signal), input.login, 'totp', signal);
    if (input.factor === 'totp') throw appError('NOT_FOUND', `Traykey holds no TOTP account for ${input.login} at this org: add it first, or sign in with --factor push.`);
  }
  if (input.factor === 'totp') throw appError('UNSUPPORTED', `${input.login} has no TOTP factor enrolled in Okta: sign in with --factor push.`);
  if (!push) throw appError('UNSUPPORTED', `${input.login} has no Okta Verify push enrolled and Traykey holds no TOTP account for them.`);
  countdown = { until: deps.now() + PUSH_LIFETIME_MS, what: 'push' };
  return settle(authn, first, await untilExpiry(authn.verifyPush(first, push, poll)), input.login, 'push', signal);
}

/**
 * Okta may let the transaction itself lapse while the phone is still silent; for the person waiting
 * that is the same as the push timing out.
 */
async function untilExpiry(waiting: Promise<PollOutcome>): Promise<PollOutcome | { result: 'EXPIRED' }> {
  try {
    return await waiting;
  } catch (error) {
    if (isAppError(error) && error.providerCode === 'E0000011') return { result: 'EXPIRED' };
    throw error;
  }
}

async function settle(authn: OktaAuthnClient, started: AuthnTransaction, outcome: PollOutcome | { result: 'EXPIRED' }, login: string, method: 'push' | 'push-enrolled', signal?: AbortSignal): Promise<OktaSignInOutcome> {
  switch (outcome.result) {
    case 'SUCCESS':
      return finish(authn, outcome.transaction, login, method, signal);
    case 'ABORTED':
      // The caller's signal has fired; the cancel must still reach Okta.
      await authn.cancel(started).catch(() => undefined);
      return { result: 'CANCELLED', method };
    case 'REJECTED':
      return { result: 'REJECTED', method };
    case 'EXPIRED':
      return { result: 'TIMEOUT', method };
    default:
      await authn.cancel(outcome.transaction).catch(() => undefined);
      return { result: 'TIMEOUT', method };
  }
}

async function finish(authn: OktaAuthnClient, transaction: AuthnTransaction, login: string, method: 'password' | 'totp' | 'push' | 'push-enrolled', signal?: AbortSignal): Promise<OktaSignInOutcome> {
  if (transaction.status !== 'SUCCESS' || !transaction.sessionToken) {
    throw appError('IDP_ERROR', `Okta did not finish the sign-in (it answered ${transaction.status}): try again.`);
  }
  const sessionId = await authn.exchangeSessionToken(transaction.sessionToken, undefined, signal);
  const session = await authn.currentSession(sessionId, signal);
  if (session.status !== 'ACTIVE') throw appError('IDP_ERROR', `Okta made a session but reports it ${session.status}: sign in again.`);
  return { result: 'SIGNED_IN', login: session.login ?? login, method, sessionId, sessionToken: transaction.sessionToken, ...(session.expiresAt ? { sessionExpiresAt: session.expiresAt } : {}) };
}
