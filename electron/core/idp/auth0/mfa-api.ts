import { z } from 'zod';
import type { HttpClient, HttpMethod, RequestOptions } from '../http/client';
import { ChallengeResponse, OobAssociation, OtpAssociation, Authenticator, type ChallengeResponse as Challenge } from './schemas';
import type { Auth0App } from './token-grants';

export type OobChannel = 'sms' | 'voice' | 'auth0' | 'email';

/**
 * Auth0 MFA API. /mfa/associate and /mfa/authenticators take the mfa_token as a bearer
 * token; /mfa/challenge takes it in the body with the client credentials.
 */
export class Auth0MfaApi {
  constructor(
    private readonly http: HttpClient,
    private readonly app: Auth0App,
  ) {}

  associateOtp(mfaToken: string, signal?: AbortSignal): Promise<OtpAssociation> {
    return this.http.json({ ...this.bearer('POST', '/mfa/associate', mfaToken, signal), json: this.withClient({ authenticator_types: ['otp'] }) }, OtpAssociation);
  }

  /** Push (channel auth0), SMS or voice: the answer's oob_code is then polled with the mfa-oob grant. */
  associateOob(mfaToken: string, input: { channels: OobChannel[]; phoneNumber?: string }, signal?: AbortSignal): Promise<OobAssociation> {
    const body = this.withClient({ authenticator_types: ['oob'], oob_channels: input.channels, ...(input.phoneNumber ? { phone_number: input.phoneNumber } : {}) });
    return this.http.json({ ...this.bearer('POST', '/mfa/associate', mfaToken, signal), json: body }, OobAssociation);
  }

  listAuthenticators(mfaToken: string, signal?: AbortSignal): Promise<Authenticator[]> {
    return this.http.json(this.bearer('GET', '/mfa/authenticators', mfaToken, signal), z.array(Authenticator));
  }

  deleteAuthenticator(mfaToken: string, authenticatorId: string, signal?: AbortSignal): Promise<void> {
    return this.http.empty(this.bearer('DELETE', `/mfa/authenticators/${encodeURIComponent(authenticatorId)}`, mfaToken, signal));
  }

  challenge(mfaToken: string, input: { type: 'otp' | 'oob'; authenticatorId?: string; oobChannel?: OobChannel }, signal?: AbortSignal): Promise<Challenge> {
    const body = this.withClient({
      mfa_token: mfaToken,
      challenge_type: input.type,
      ...(input.authenticatorId ? { authenticator_id: input.authenticatorId } : {}),
      ...(input.oobChannel ? { oob_channel: input.oobChannel } : {}),
    });
    return this.http.json(
      { method: 'POST', path: '/mfa/challenge', json: body, secrets: [mfaToken, this.app.clientSecret], ...(signal ? { signal } : {}) },
      ChallengeResponse,
    );
  }

  private withClient(body: Record<string, unknown>): Record<string, unknown> {
    return { ...body, client_id: this.app.clientId, ...(this.app.clientSecret ? { client_secret: this.app.clientSecret } : {}) };
  }

  private bearer(method: HttpMethod, path: string, mfaToken: string, signal: AbortSignal | undefined): RequestOptions {
    return { method, path, headers: { authorization: `Bearer ${mfaToken}` }, secrets: [mfaToken, this.app.clientSecret], ...(signal ? { signal } : {}) };
  }
}
