import { appError } from '../../../../shared/errors';
import type { HttpClient } from '../http/client';
import { findLink } from './links';
import { malformedResponse } from '../errors';
import { AuthnTransaction, OktaSession, TotpActivation, type Factor } from './schemas';
import { pollTransaction, type PollOptions, type PollOutcome } from './transaction-poll';

export type EnrollableFactor = { factorType: 'push'; provider: 'OKTA' } | { factorType: 'token:software:totp'; provider: 'OKTA' | 'GOOGLE' };

/**
 * Okta Classic Authentication API (/api/v1/authn): primary authentication, factor
 * enrolment and verification inside a transaction, and the session exchange. Every step
 * follows the HAL links Okta returns, falling back to the documented paths.
 */
export class OktaAuthnClient {
  constructor(private readonly http: HttpClient) {}

  primary(input: { username: string; password: string; multiOptionalFactorEnroll?: boolean }, signal?: AbortSignal): Promise<AuthnTransaction> {
    return this.post('/api/v1/authn', {
      username: input.username,
      password: input.password,
      options: { multiOptionalFactorEnroll: input.multiOptionalFactorEnroll ?? false, warnBeforePasswordExpired: false },
    }, [input.password], signal);
  }

  /** Factors offered (MFA_ENROLL) or enrolled (MFA_REQUIRED) in this transaction. */
  factors(transaction: AuthnTransaction): Factor[] {
    const embedded = transaction._embedded;
    if (embedded?.factors) return embedded.factors;
    const factor = embedded?.factor;
    if (!factor) return [];
    return Array.isArray(factor) ? factor : [factor];
  }

  findFactor(transaction: AuthnTransaction, factorType: string, provider?: string): Factor | undefined {
    return this.factors(transaction).find((f) => f.factorType === factorType && (provider === undefined || f.provider === provider));
  }

  enroll(transaction: AuthnTransaction, factor: EnrollableFactor, signal?: AbortSignal): Promise<AuthnTransaction> {
    const offered = this.findFactor(transaction, factor.factorType, factor.provider);
    const href = findLink(offered?._links, 'enroll')?.href;
    return this.post(href ?? '/api/v1/authn/factors', { stateToken: this.stateToken(transaction), ...factor }, [], signal);
  }

  /** Activates a TOTP factor in MFA_ENROLL_ACTIVATE with a code computed from the shared secret. */
  activate(transaction: AuthnTransaction, passCode: string, signal?: AbortSignal): Promise<AuthnTransaction> {
    const href = findLink(transaction._links, 'next', 'activate')?.href;
    if (!href) throw appError('IDP_ERROR', 'Okta did not offer to activate a factor at this step: start the sign-in again.');
    return this.post(href, { stateToken: this.stateToken(transaction), passCode }, [passCode], signal);
  }

  /** The shared secret Okta returns in MFA_ENROLL_ACTIVATE for a TOTP factor. */
  totpActivation(transaction: AuthnTransaction): TotpActivation {
    const parsed = TotpActivation.safeParse(this.factors(transaction)[0]?._embedded?.activation);
    if (!parsed.success) throw malformedResponse('Okta', this.http.host, 'the TOTP enrolment');
    return parsed.data;
  }

  /** Push activation: waits until the phone finishes enrolment (SUCCESS) or the QR code expires. */
  pollActivation(transaction: AuthnTransaction, options?: PollOptions): Promise<PollOutcome> {
    return pollTransaction(this.http, transaction, options);
  }

  verifyTotp(transaction: AuthnTransaction, factor: Factor, passCode: string, signal?: AbortSignal): Promise<AuthnTransaction> {
    return this.post(this.verifyPath(factor), { stateToken: this.stateToken(transaction), passCode }, [passCode], signal);
  }

  /** Sends a push and polls until the user answers, the push times out, or the signal cancels. */
  async verifyPush(transaction: AuthnTransaction, factor: Factor, options: PollOptions = {}): Promise<PollOutcome> {
    let challenge: AuthnTransaction;
    try {
      challenge = await this.post(this.verifyPath(factor), { stateToken: this.stateToken(transaction) }, [], options.signal);
    } catch (error) {
      if (options.signal?.aborted) return { result: 'ABORTED' };
      throw error;
    }
    return pollTransaction(this.http, challenge, options);
  }

  async cancel(transaction: AuthnTransaction, signal?: AbortSignal): Promise<void> {
    const href = findLink(transaction._links, 'cancel')?.href;
    await this.http.empty({
      method: 'POST',
      ...(href ? { link: href } : { path: '/api/v1/authn/cancel' }),
      json: { stateToken: this.stateToken(transaction) },
      secrets: [transaction.stateToken],
      safeToRetry: true,
      ...(signal ? { signal } : {}),
    });
  }

  /**
   * Exchanges the one-time sessionToken for a session the way a browser does
   * (GET /login/sessionCookieRedirect), and returns the `sid` cookie Okta sets.
   */
  async exchangeSessionToken(sessionToken: string, redirectUrl?: string, signal?: AbortSignal): Promise<string> {
    const answer = await this.http.send({
      method: 'GET',
      path: '/login/sessionCookieRedirect',
      query: { token: sessionToken, redirectUrl: redirectUrl ?? `${this.http.baseUrl.replace(/\/+$/, '')}/` },
      secrets: [sessionToken],
      manualRedirect: true,
      ...(signal ? { signal } : {}),
    });
    const sid = answer.headers
      .getSetCookie()
      .map((cookie) => /^sid=([^;]*)/.exec(cookie)?.[1])
      .find((value) => value !== undefined && value !== '' && value !== '""');
    if (answer.status >= 300 && answer.status < 400 && sid) return sid;
    if (answer.status >= 400 && answer.bodyIsJson) throw this.http.errorFor(answer, { method: 'GET', secrets: [sessionToken] });
    throw appError('IDP_ERROR', 'Okta did not turn the sign-in into a session (the session token was refused or expired): sign in again.');
  }

  /** Reads the session identified by its `sid` cookie value (GET /api/v1/sessions/me). */
  currentSession(sessionId: string, signal?: AbortSignal): Promise<OktaSession> {
    return this.http.json(
      { method: 'GET', path: '/api/v1/sessions/me', headers: { cookie: `sid=${sessionId}` }, secrets: [sessionId], ...(signal ? { signal } : {}) },
      OktaSession,
    );
  }

  private verifyPath(factor: Factor): string {
    const href = findLink(factor._links, 'verify')?.href;
    if (href) return href;
    if (!factor.id) throw appError('IDP_ERROR', 'Okta listed a factor without an id: start the sign-in again.');
    return `/api/v1/authn/factors/${encodeURIComponent(factor.id)}/verify`;
  }

  private stateToken(transaction: AuthnTransaction): string {
    if (!transaction.stateToken) throw appError('IDP_ERROR', `The sign-in is in state ${transaction.status}, which has no further step: start the sign-in again.`);
    return transaction.stateToken;
  }

  /** `target` is a link Okta gave (absolute) or a documented path under the org URL. */
  private post(target: string, json: Record<string, unknown>, secrets: (string | undefined)[], signal: AbortSignal | undefined): Promise<AuthnTransaction> {
    const stateToken = typeof json.stateToken === 'string' ? json.stateToken : undefined;
    return this.http.json(
      {
        method: 'POST',
        ...(/^[a-z][a-z0-9+.-]*:/i.test(target) ? { link: target } : { path: target }),
        json,
        secrets: [...secrets, stateToken],
        ...(signal ? { signal } : {}),
      },
      AuthnTransaction,
    );
  }
}
