import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { HttpClient } from '../idp/http/client';
import { readRateWindow } from '../idp/http/rate-headers';
import type { VerifiedChallenge } from './challenge';
import { verifyChallenge, type VerifyOutcome } from './challenge-verify';
import type { DeviceInfo } from './device-info';
import { MaintenanceToken } from './maintenance-token';
import { MYACCOUNT_ACCEPT } from './org-http';
import { OrgKeys } from './org-keys';
import type { RateSignal } from './poll-cadence';
import type { StoredEnrolment } from './push-record';
import { signChallengeResponse, type UserConsent } from './response-jwt';
import type { VerifiedPerson } from './user-verification';

const PendingList = z.array(z.object({ payloadVersion: z.string().optional(), challenge: z.string().min(1) }).loose());

export interface PendingFetch {
  /** Challenge JWTs as listed, not yet verified. */
  jwts: string[];
  /** No poll before this epoch ms, when the org's rate-limit window says so. */
  notBefore?: number;
  /** The org refused the poll (429): the list was not read, so nothing is known withdrawn. */
  rateLimited: boolean;
  /** The org's bucket as the answer's X-Rate-Limit-* headers described it. */
  rate: RateSignal;
}

/** One enrolment's traffic with its org: the pending list, verification keys, and answers. */
export class EnrolmentConnection {
  private readonly token: MaintenanceToken;
  private readonly keys: OrgKeys;

  constructor(
    readonly enrolment: StoredEnrolment,
    private readonly http: HttpClient,
    private readonly device: DeviceInfo,
    private readonly now: () => number,
  ) {
    this.token = new MaintenanceToken(http, enrolment, now);
    this.keys = new OrgKeys(http, enrolment.jwksUri, now);
  }

  get skewMs(): number {
    return this.http.clockSkewMs ?? 0;
  }

  serverNow(): number {
    return this.now() + this.skewMs;
  }

  async fetchPending(): Promise<PendingFetch> {
    let answer = await this.requestPending();
    if (answer.status === 401) {
      // The maintenance token was revoked or expired early: one fresh token, one more try.
      this.token.forget();
      answer = await this.requestPending();
    }
    const window = readRateWindow(answer.headers, this.http.clock, this.now(), this.http.host);
    const resetAt = window?.resetAtLocalMs;
    const rate: RateSignal = {
      limited: answer.status === 429,
      ...(window?.limit !== undefined ? { limit: window.limit } : {}),
      ...(window?.remaining !== undefined ? { remaining: window.remaining } : {}),
      ...(resetAt !== undefined ? { resetAt } : {}),
    };
    if (answer.status === 429) return { jwts: [], notBefore: resetAt ?? this.now() + 60_000, rateLimited: true, rate };
    if (answer.status !== 200) throw this.http.errorFor(answer, { method: 'GET' });
    const parsed = PendingList.safeParse(answer.body);
    if (!parsed.success) throw appError('IDP_ERROR', `Okta at ${this.http.host} listed pending challenges in a form Traykey does not understand.`);
    const jwts = parsed.data.filter((entry) => entry.payloadVersion === undefined || entry.payloadVersion === 'IDXv1').map((entry) => entry.challenge);
    const spent = window?.remaining !== undefined && window.remaining <= 0 && resetAt !== undefined;
    return { jwts, rateLimited: false, rate, ...(spent ? { notBefore: resetAt } : {}) };
  }

  verify(jwt: string, leewayMs: number): Promise<VerifyOutcome> {
    return verifyChallenge(jwt, { enrolment: this.enrolment, keys: this.keys.resolve, serverNow: this.serverNow(), skewMs: this.skewMs, leewayMs });
  }

  /** Posts the signed answer: 200 for an approval, 204 for anything else, or an error. */
  async answer(challenge: VerifiedChallenge, consent: UserConsent, verified?: VerifiedPerson): Promise<void> {
    const challengeResponse = await signChallengeResponse({ challenge, enrolment: this.enrolment, device: this.device, consent, serverNow: this.serverNow(), ...(verified ? { verified } : {}) });
    const answer = await this.http.send({
      method: 'POST',
      link: challenge.verificationUri,
      json: { method: 'push', challengeResponse },
      headers: { accept: MYACCOUNT_ACCEPT },
      secrets: [challengeResponse],
    });
    const approving = consent === 'APPROVED_CONSENT_PROMPT' || consent === 'APPROVED_USER_VERIFICATION';
    if (answer.status === (approving ? 200 : 204)) return;
    if (answer.status === 204) throw appError('IDP_ERROR', 'Okta recorded the request as denied although it was approved: ask the app to send a new request.');
    if (answer.status >= 200 && answer.status < 300) throw appError('IDP_ERROR', `Okta answered the response with HTTP ${answer.status}, which Traykey cannot read as accepted: ask the app to send a new request.`);
    const reason = this.http.errorFor(answer, { method: 'POST' });
    throw appError(reason.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'IDP_ERROR', `Okta did not accept the answer (${reason.providerCode ?? `HTTP ${answer.status}`}): the request may have expired or been answered elsewhere.`, {
      ...(reason.providerCode !== undefined ? { providerCode: reason.providerCode } : {}),
    });
  }

  private async requestPending() {
    const token = await this.token.get();
    return this.http.send({
      method: 'GET',
      link: this.enrolment.pendingHref,
      headers: { accept: MYACCOUNT_ACCEPT, authorization: `Bearer ${token}` },
      returnRateLimited: true,
    });
  }
}
