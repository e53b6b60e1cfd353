import { appError } from '../../../shared/errors';
import { Auth0MfaApi } from '../idp/auth0/mfa-api';
import { pollOob } from '../idp/auth0/oob-poll';
import { connectAuth0Tenant } from '../idp/auth0/tenant';
import { Auth0TokenGrants } from '../idp/auth0/token-grants';
import type { TokenResponse } from '../idp/auth0/schemas';

export type Auth0FactorChoice = 'auto' | 'otp' | 'push';

export interface Auth0SignInInput {
  domainUrl: string;
  clientId: string;
  clientSecret?: string;
  login: string;
  password: string;
  realm?: string;
  factor: Auth0FactorChoice;
  /** Use this recovery code instead of a factor. */
  recoveryCode?: string;
}

export interface Auth0SignInDeps {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  vaultTotp: (at: number) => Promise<string | undefined>;
  /** Before each wait for the phone, with the time left (ms). */
  onCountdown?: (leftMs: number) => void;
}

/** What the tenant issued; callers print them only when asked (`--reveal-tokens`), never in logs. */
export interface IssuedTokens {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresIn?: number;
}

export type Auth0SignInOutcome =
  | { result: 'SIGNED_IN'; method: 'password' | 'otp' | 'push' | 'recovery-code'; newRecoveryCode?: string; tokens: IssuedTokens }
  | { result: 'REJECTED' | 'TIMEOUT' | 'CANCELLED'; method: 'push' };

const PUSH_WAIT_MS = 5 * 60_000;

function issued(tokens: TokenResponse): IssuedTokens {
  return {
    accessToken: tokens.access_token,
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.expires_in !== undefined ? { expiresIn: tokens.expires_in } : {}),
  };
}

/**
 * Auth0 sign-in with the password (or password-realm) grant; on mfa_required, a recovery code when
 * given, else the OTP from the vault, else a Guardian push polled with the mfa-oob grant.
 */
export async function signInAuth0(input: Auth0SignInInput, deps: Auth0SignInDeps): Promise<Auth0SignInOutcome> {
  const countdown: { deadline?: number } = {};
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (countdown.deadline !== undefined) deps.onCountdown?.(Math.max(0, countdown.deadline - deps.now()));
    return deps.sleep(ms, signal);
  };
  const http = connectAuth0Tenant(input.domainUrl, { now: deps.now, sleep });
  const app = { clientId: input.clientId, ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}) };
  const grants = new Auth0TokenGrants(http, app);
  const { signal } = deps;
  const first = await grants.password({ username: input.login, password: input.password, ...(input.realm ? { realm: input.realm } : {}) }, signal);
  if (first.kind === 'tokens') return { result: 'SIGNED_IN', method: 'password', tokens: issued(first.tokens) };
  const mfaToken = first.mfaToken;

  if (input.recoveryCode !== undefined) {
    const tokens = await grants.recoveryCode(mfaToken, input.recoveryCode, signal);
    return { result: 'SIGNED_IN', method: 'recovery-code', tokens: issued(tokens), ...(tokens.recovery_code ? { newRecoveryCode: tokens.recovery_code } : {}) };
  }
  const mfa = new Auth0MfaApi(http, app);
  const active = (await mfa.listAuthenticators(mfaToken, signal)).filter((a) => a.active);
  const otp = active.find((a) => a.authenticator_type === 'otp');
  const push = active.find((a) => a.authenticator_type === 'oob' && a.oob_channel === 'auth0');
  if (input.factor !== 'push' && otp) {
    const code = await deps.vaultTotp(deps.now() + (http.clockSkewMs ?? 0));
    if (code) {
      return { result: 'SIGNED_IN', method: 'otp', tokens: issued(await grants.otp(mfaToken, code, signal)) };
    }
    if (input.factor === 'otp') throw appError('NOT_FOUND', `Traykey holds no OTP account for ${input.login} at this tenant: add it first, or sign in with --factor push or a recovery code.`);
  }
  if (input.factor === 'otp') throw appError('UNSUPPORTED', `${input.login} has no OTP authenticator enrolled in Auth0: sign in with --factor push or a recovery code.`);
  if (!push) throw appError('UNSUPPORTED', `${input.login} has no Guardian push enrolled and Traykey holds no OTP account for them: use --recovery-code.`);
  const challenge = await mfa.challenge(mfaToken, { type: 'oob', authenticatorId: push.id }, signal);
  if (!challenge.oob_code) throw appError('IDP_ERROR', 'Auth0 started the push without an oob_code: try again.');
  countdown.deadline = deps.now() + PUSH_WAIT_MS;
  const outcome = await pollOob(http, grants, mfaToken, challenge.oob_code, { maxWaitMs: PUSH_WAIT_MS, ...(signal ? { signal } : {}) });
  switch (outcome.result) {
    case 'APPROVED':
      return { result: 'SIGNED_IN', method: 'push', tokens: issued(outcome.tokens) };
    case 'REJECTED':
      return { result: 'REJECTED', method: 'push' };
    case 'ABORTED':
      return { result: 'CANCELLED', method: 'push' };
    default:
      return { result: 'TIMEOUT', method: 'push' };
  }
}
