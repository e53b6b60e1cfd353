import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { HttpClient } from '../idp/http/client';
import { signingKey } from './device-keys';
import type { StoredEnrolment } from './push-record';

export const MAINTENANCE_READ_SCOPE = 'okta.myAccount.appAuthenticator.maintenance.read';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Renew this long before the token runs out, so a poll never goes out with a dying token. */
const RENEW_BEFORE_MS = 60_000;

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/**
 * The poll token: the jwt-bearer grant with an assertion signed by the enrolment's
 * proof-of-possession key (RFC 7523; the enrolment is both issuer and subject), kept in memory only
 * and renewed before it expires.
 */
export class MaintenanceToken {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(
    private readonly http: HttpClient,
    private readonly enrolment: StoredEnrolment,
    private readonly now: () => number,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.token.expiresAt - RENEW_BEFORE_MS > this.now()) return this.token.value;
    const requestedAt = this.now();
    const assertion = await this.assertion(requestedAt);
    const answer = await this.http.json(
      {
        method: 'POST',
        link: this.enrolment.tokenEndpoint,
        form: { grant_type: JWT_BEARER, assertion, client_id: this.enrolment.clientId, scope: MAINTENANCE_READ_SCOPE },
        secrets: [assertion],
      },
      TokenAnswer,
    );
    this.token = { value: answer.access_token, expiresAt: requestedAt + answer.expires_in * 1000 };
    return answer.access_token;
  }

  /** After a 401: the next call fetches a new token. */
  forget(): void {
    this.token = undefined;
  }

  private async assertion(nowMs: number): Promise<string> {
    const { enrolment } = this;
    const seconds = Math.floor((nowMs + (this.http.clockSkewMs ?? 0)) / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: enrolment.proofOfPossession.kid })
      .setIssuer(enrolment.id)
      .setSubject(enrolment.id)
      .setAudience(enrolment.tokenEndpoint)
      .setIssuedAt(seconds)
      .setNotBefore(seconds - 30)
      .setExpirationTime(seconds + 300)
      .setJti(randomUUID())
      .sign(await signingKey(enrolment.proofOfPossession));
  }
}
