import type { HttpClient, RawAnswer, RequestOptions } from '../http/client';
import { malformedResponse } from '../errors';
import { Auth0ErrorBody, MfaRequiredBody, TokenResponse, type MfaRequirements } from './schemas';
import { GRANT } from './tenant';

export interface Auth0App {
  clientId: string;
  /** Confidential clients only. */
  clientSecret?: string;
}

export type PasswordGrantResult =
  | { kind: 'tokens'; tokens: TokenResponse }
  | { kind: 'mfa_required'; mfaToken: string; requirements?: MfaRequirements };

export type OobGrantResult =
  | { kind: 'tokens'; tokens: TokenResponse }
  | { kind: 'authorization_pending' }
  | { kind: 'slow_down' }
  | { kind: 'rejected'; providerCode: string }
  | { kind: 'expired_token' };

/** POST /oauth/token grants of the Auth0 Authentication API (form-encoded, as Auth0's own SDKs send). */
export class Auth0TokenGrants {
  constructor(
    private readonly http: HttpClient,
    private readonly app: Auth0App,
  ) {}

  /** Resource-owner password grant; with `realm`, the password-realm grant for that connection. */
  async password(input: { username: string; password: string; realm?: string; scope?: string; audience?: string }, signal?: AbortSignal): Promise<PasswordGrantResult> {
    const answer = await this.send(
      {
        grant_type: input.realm ? GRANT.passwordRealm : GRANT.password,
        username: input.username,
        password: input.password,
        realm: input.realm,
        scope: input.scope ?? 'openid profile',
        audience: input.audience,
      },
      [input.password],
      signal,
    );
    if (isOk(answer)) return { kind: 'tokens', tokens: this.tokens(answer) };
    const mfa = MfaRequiredBody.safeParse(answer.body);
    if (mfa.success) {
      return { kind: 'mfa_required', mfaToken: mfa.data.mfa_token, ...(mfa.data.mfa_requirements ? { requirements: mfa.data.mfa_requirements } : {}) };
    }
    throw this.http.errorFor(answer, { method: 'POST', secrets: [input.password] });
  }

  /** Confirms an OTP enrolment or answers an OTP challenge. */
  otp(mfaToken: string, otp: string, signal?: AbortSignal): Promise<TokenResponse> {
    return this.expectTokens({ grant_type: GRANT.mfaOtp, mfa_token: mfaToken, otp }, [mfaToken, otp], signal);
  }

  /** Uses a recovery code; the answer carries a new one to keep. */
  recoveryCode(mfaToken: string, recoveryCode: string, signal?: AbortSignal): Promise<TokenResponse> {
    return this.expectTokens({ grant_type: GRANT.mfaRecoveryCode, mfa_token: mfaToken, recovery_code: recoveryCode }, [mfaToken, recoveryCode], signal);
  }

  /** One mfa-oob attempt: pending, slow_down, rejection and expiry are outcomes, not errors. */
  async oob(mfaToken: string, oobCode: string, bindingCode?: string, signal?: AbortSignal): Promise<OobGrantResult> {
    const secrets = [mfaToken, oobCode, bindingCode];
    const answer = await this.send({ grant_type: GRANT.mfaOob, mfa_token: mfaToken, oob_code: oobCode, binding_code: bindingCode }, secrets, signal, true);
    if (isOk(answer)) return { kind: 'tokens', tokens: this.tokens(answer) };
    const error = Auth0ErrorBody.safeParse(answer.body);
    if (error.success) {
      const { error: code, error_description: description = '' } = error.data;
      if (code === 'authorization_pending') return { kind: 'authorization_pending' };
      if (code === 'slow_down') return { kind: 'slow_down' };
      if (code === 'expired_token') return { kind: 'expired_token' };
      // Real tenants answer access_denied; older docs and SDKs say invalid_grant with the same text.
      if ((code === 'access_denied' || code === 'invalid_grant') && /reject/i.test(description)) return { kind: 'rejected', providerCode: code };
    }
    throw this.http.errorFor(answer, { method: 'POST', secrets });
  }

  private async expectTokens(form: Record<string, string | undefined>, secrets: (string | undefined)[], signal?: AbortSignal): Promise<TokenResponse> {
    const answer = await this.send(form, secrets, signal);
    if (!isOk(answer)) throw this.http.errorFor(answer, { method: 'POST', secrets });
    return this.tokens(answer);
  }

  private tokens(answer: RawAnswer): TokenResponse {
    const parsed = TokenResponse.safeParse(answer.body);
    if (!parsed.success) throw malformedResponse('Auth0', this.http.host, 'POST /oauth/token', answer.status);
    return parsed.data;
  }

  private send(form: Record<string, string | undefined>, secrets: (string | undefined)[], signal: AbortSignal | undefined, polling = false): Promise<RawAnswer> {
    const request: RequestOptions = {
      method: 'POST',
      path: '/oauth/token',
      form: { ...form, client_id: this.app.clientId, client_secret: this.app.clientSecret },
      secrets: [...secrets, this.app.clientSecret],
      // A poller paces itself on slow_down; a 429 must reach it rather than be retried here.
      returnRateLimited: polling,
      ...(signal ? { signal } : {}),
    };
    return this.http.send(request);
  }
}

function isOk(answer: RawAnswer): boolean {
  return answer.status >= 200 && answer.status <= 299;
}
