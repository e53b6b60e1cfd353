import type { Router } from '../http/router';
import type { SimReply, SimRequest } from '../http/types';
import { checkTotp } from '../totp';
import { auth0Error, auth0Errors } from './errors';
import type { Auth0User } from './model';
import { isReply, params, rejectClient, resolveMfaToken, type MfaContext } from './params';
import type { Auth0State } from './state';

export const GRANTS = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  clientCredentials: 'client_credentials',
} as const;

const OIDC_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'];
const DEFAULT_SCOPE = 'openid profile email address phone';
const MANAGEMENT_SCOPE = 'read:users create:users update:users delete:users read:authentication_methods delete:authentication_methods';

const CHALLENGE_NAMES: Record<string, string> = { otp: 'otp', auth0: 'push-notification', sms: 'phone', 'recovery-code': 'recovery-code' };

export function registerTokenRoutes(router: Router, state: Auth0State): void {
  router.add('POST', '/oauth/token', (req) => token(state, req));
}

function token(state: Auth0State, req: SimRequest): SimReply {
  const p = params(req);
  if (!p.grant_type) return auth0Errors.missing('grant_type');
  if (p.grant_type === GRANTS.clientCredentials) return clientCredentials(state, p);
  const client = rejectClient(state, p);
  if (client) return client;
  switch (p.grant_type) {
    case GRANTS.password:
    case GRANTS.passwordRealm:
      return password(state, p);
    case GRANTS.mfaOtp:
      return withMfa(state, p, (ctx) => mfaOtp(state, ctx, p));
    case GRANTS.mfaOob:
      return withMfa(state, p, (ctx) => mfaOob(state, ctx, p));
    case GRANTS.mfaRecoveryCode:
      return withMfa(state, p, (ctx) => mfaRecovery(state, ctx, p));
    default:
      return auth0Errors.unsupportedGrant();
  }
}

function withMfa(state: Auth0State, p: Record<string, string>, next: (ctx: MfaContext) => SimReply): SimReply {
  const ctx = resolveMfaToken(state, p.mfa_token);
  return isReply(ctx) ? ctx : next(ctx);
}

/** Keeps the OIDC scopes Auth0 echoes back; none requested means the default set. */
function grantedScope(requested: string | undefined): string | undefined {
  if (requested === undefined) return DEFAULT_SCOPE;
  const kept = requested.split(/\s+/).filter((s) => OIDC_SCOPES.includes(s));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

function tokens(state: Auth0State, user: Auth0User, scope: string | undefined, extra: Record<string, unknown> = {}): SimReply {
  const issued = state.issueAccessToken('user', scope ?? '', user.userId);
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    json: { access_token: issued.token, expires_in: issued.expiresIn, ...(scope ? { scope } : {}), token_type: 'Bearer', ...extra },
  };
}

function password(state: Auth0State, p: Record<string, string>): SimReply {
  if (!p.username) return auth0Errors.missing('username');
  if (!p.password) return auth0Errors.missing('password');
  if (p.grant_type === GRANTS.passwordRealm) {
    if (!p.realm) return auth0Errors.missing('realm');
    if (p.realm !== state.config.realm) return auth0Error(400, 'invalid_request', 'Unknown realm: the connection is not enabled for this client.');
  }
  const user = state.findUser(p.username);
  if (!user || user.password !== p.password) return auth0Errors.wrongPassword();
  const scope = grantedScope(p.scope);
  const enrolled = user.authenticators.filter((a) => a.active && a.authenticatorType !== 'recovery-code');
  if (enrolled.length === 0 && !state.config.requireMfa) return tokens(state, user, scope);
  const requirements =
    enrolled.length > 0
      ? { challenge: [...new Set(user.authenticators.filter((a) => a.active).map((a) => CHALLENGE_NAMES[a.oobChannel ?? a.authenticatorType] ?? 'otp'))].map((type) => ({ type })) }
      : { enroll: [{ type: 'otp' }, { type: 'push-notification' }, { type: 'phone' }] };
  return auth0Error(403, 'mfa_required', 'Multifactor authentication required', {
    mfa_token: state.issueMfaToken(user.userId, scope ?? 'openid profile'),
    mfa_requirements: requirements,
  });
}

function mfaOtp(state: Auth0State, ctx: MfaContext, p: Record<string, string>): SimReply {
  if (!p.otp) return auth0Errors.missing('otp');
  const now = state.now();
  for (const authenticator of ctx.user.authenticators) {
    if (authenticator.authenticatorType !== 'otp' || !authenticator.secret) continue;
    const result = checkTotp({ secret: authenticator.secret, code: p.otp, now, usedSteps: authenticator.usedSteps });
    if (result.ok) {
      authenticator.active = true;
      return tokens(state, ctx.user, ctx.entry.scope);
    }
  }
  return auth0Errors.invalidOtp();
}

function mfaOob(state: Auth0State, ctx: MfaContext, p: Record<string, string>): SimReply {
  if (!p.oob_code) return auth0Errors.missing('oob_code');
  const tx = state.oob.get(p.oob_code);
  if (!tx || tx.userId !== ctx.user.userId) return auth0Error(403, 'invalid_grant', 'Invalid oob_code.');
  const authenticator = ctx.user.authenticators.find((a) => a.id === tx.authenticatorId);
  const now = state.now();
  if (!authenticator || now >= tx.expiresAt) {
    state.oob.delete(tx.oobCode);
    return auth0Errors.expiredOob();
  }
  if (tx.bindingCode !== undefined) {
    if (!p.binding_code) return auth0Errors.missing('binding_code');
    if (p.binding_code !== tx.bindingCode) return auth0Errors.invalidBindingCode();
  } else {
    const previous = tx.lastPollAt;
    tx.lastPollAt = now;
    if (previous !== undefined && now - previous < state.config.oobPollIntervalMs) {
      return auth0Errors.slowDown(Math.ceil(state.config.oobPollIntervalMs / 1000));
    }
    const push = tx.pushId ? state.pushes.get(tx.pushId) : undefined;
    const pushState = push ? state.pushes.state(push) : 'TIMEOUT';
    if (pushState === 'WAITING') return auth0Errors.pending();
    state.oob.delete(tx.oobCode);
    if (pushState === 'REJECTED') return auth0Errors.rejected();
    if (pushState === 'TIMEOUT') return auth0Errors.expiredOob();
  }
  state.oob.delete(tx.oobCode);
  authenticator.active = true;
  return tokens(state, ctx.user, ctx.entry.scope);
}

function mfaRecovery(state: Auth0State, ctx: MfaContext, p: Record<string, string>): SimReply {
  if (!p.recovery_code) return auth0Errors.missing('recovery_code');
  const normalise = (code: string) => code.replace(/\s+/g, '').toUpperCase();
  if (!ctx.user.recoveryCode || normalise(p.recovery_code) !== normalise(ctx.user.recoveryCode)) return auth0Errors.invalidRecoveryCode();
  return tokens(state, ctx.user, ctx.entry.scope, { recovery_code: state.newRecoveryCode(ctx.user) });
}

function clientCredentials(state: Auth0State, p: Record<string, string>): SimReply {
  if (p.client_id === state.config.clientId) {
    return auth0Error(403, 'unauthorized_client', "Grant type 'client_credentials' not allowed for the client.");
  }
  if (p.client_id !== state.config.managementClientId || p.client_secret !== state.config.managementClientSecret) return auth0Errors.invalidClient();
  if (p.audience !== state.managementAudience) return auth0Error(403, 'access_denied', `Service not enabled within domain: ${p.audience ?? ''}`);
  const issued = state.issueAccessToken('management', MANAGEMENT_SCOPE);
  return { status: 200, headers: { 'content-type': 'application/json' }, json: { access_token: issued.token, expires_in: issued.expiresIn, scope: MANAGEMENT_SCOPE, token_type: 'Bearer' } };
}
