import { z } from 'zod';
import { malformedResponse } from '../errors';
import type { HttpClient, RawAnswer, RequestOptions } from '../http/client';
import { OAuthErrorBody, oauthError } from './oauth-errors';

export const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';

export interface CibaClientCredentials {
  clientId: string;
  clientSecret: string;
}

const BackchannelAnswer = z.object({ auth_req_id: z.string().min(1), expires_in: z.number().positive(), interval: z.number().positive().optional() });
export type BackchannelAnswer = z.infer<typeof BackchannelAnswer>;

export const OidcTokens = z.object({
  token_type: z.string(),
  expires_in: z.number().optional(),
  access_token: z.string().min(1),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});
export type OidcTokens = z.infer<typeof OidcTokens>;

export type CibaPollResult =
  | { kind: 'tokens'; tokens: OidcTokens }
  | { kind: 'authorization_pending' }
  | { kind: 'slow_down' }
  | { kind: 'access_denied' }
  | { kind: 'expired_token' };

/**
 * Okta's CIBA endpoints (poll mode) for a confidential client: `/v1/bc/authorize` and the ciba grant
 * at `/v1/token`, on the org authorization server or a custom one (`authServerId`).
 */
export class OktaCibaClient {
  private readonly prefix: string;

  constructor(
    private readonly http: HttpClient,
    private readonly client: CibaClientCredentials,
    readonly authServerId?: string,
  ) {
    this.prefix = authServerId ? `/oauth2/${encodeURIComponent(authServerId)}/v1` : '/oauth2/v1';
  }

  /** The `iss` of the server's tokens: the org URL for the org server. */
  get issuer(): string {
    const org = this.http.baseUrl.replace(/\/+$/, '');
    return this.authServerId ? `${org}/oauth2/${this.authServerId}` : org;
  }

  get clientId(): string {
    return this.client.clientId;
  }

  /** The org's host, for messages. */
  get host(): string {
    return this.http.host;
  }

  async authorize(input: { loginHint: string; bindingMessage?: string; scope?: string; requestExpirySeconds?: number }, signal?: AbortSignal): Promise<BackchannelAnswer> {
    const form = {
      scope: input.scope ?? 'openid profile email',
      login_hint: input.loginHint,
      binding_message: input.bindingMessage,
      request_expiry: input.requestExpirySeconds !== undefined ? String(input.requestExpirySeconds) : undefined,
    };
    const answer = await this.http.send(this.request('/bc/authorize', form, signal));
    if (answer.status !== 200) throw oauthError(this.http, answer, this.secrets());
    const parsed = BackchannelAnswer.safeParse(answer.body);
    if (!parsed.success) throw malformedResponse('Okta', this.http.host, 'the CIBA request', answer.status);
    return parsed.data;
  }

  /** One ciba-grant attempt: pending, slow_down, denial and expiry are outcomes, not errors. */
  async poll(authReqId: string, signal?: AbortSignal): Promise<CibaPollResult> {
    const request = { ...this.request('/token', { grant_type: CIBA_GRANT, auth_req_id: authReqId }, signal, [authReqId]), returnRateLimited: true, safeToRetry: true };
    const answer = await this.http.send(request);
    if (answer.status === 200) return { kind: 'tokens', tokens: this.tokens(answer) };
    if (answer.status === 429) return { kind: 'slow_down' };
    const error = OAuthErrorBody.safeParse(answer.bodyIsJson ? answer.body : undefined);
    const code = error.success ? error.data.error : undefined;
    if (code === 'authorization_pending' || code === 'slow_down' || code === 'access_denied' || code === 'expired_token') return { kind: code };
    throw oauthError(this.http, answer, [...this.secrets(), authReqId]);
  }

  /** The server's signing keys (`/v1/keys`), for verifying its id tokens. */
  keys(signal?: AbortSignal): Promise<{ keys: Record<string, unknown>[] }> {
    return this.http.json({ method: 'GET', path: `${this.prefix}/keys`, ...(signal ? { signal } : {}) }, z.object({ keys: z.array(z.record(z.string(), z.unknown())) }));
  }

  private tokens(answer: RawAnswer): OidcTokens {
    const parsed = OidcTokens.safeParse(answer.body);
    if (!parsed.success) throw malformedResponse('Okta', this.http.host, 'the CIBA token request', answer.status);
    return parsed.data;
  }

  private request(path: string, form: Record<string, string | undefined>, signal: AbortSignal | undefined, secrets: string[] = []): RequestOptions {
    const basic = Buffer.from(`${encodeURIComponent(this.client.clientId)}:${encodeURIComponent(this.client.clientSecret)}`).toString('base64');
    return {
      method: 'POST',
      path: `${this.prefix}${path}`,
      form,
      headers: { authorization: `Basic ${basic}` },
      secrets: [...this.secrets(), ...secrets],
      ...(signal ? { signal } : {}),
    };
  }

  private secrets(): string[] {
    return [this.client.clientSecret];
  }
}
