import { randomInt } from 'node:crypto';
import type { Router } from '../http/router';
import type { SimReply, SimRequest } from '../http/types';
import { randomId } from '../ids';
import { newTotpSecret, otpauthUri } from '../totp';
import { auth0Error } from './errors';
import type { Auth0Authenticator, Auth0User, OobTransaction } from './model';
import { isReply, params, rawBody, rejectClient, resolveMfaToken, type MfaContext } from './params';
import type { Auth0State } from './state';

const JSON_UTF8 = { 'content-type': 'application/json; charset=utf-8' };

const ok = (json: unknown): SimReply => ({ status: 200, headers: JSON_UTF8, json });

/** The MFA API: associate, challenge, list and delete authenticators. */
export function registerMfaRoutes(router: Router, state: Auth0State): void {
  router.add('POST', '/mfa/associate', (req) => withBearerMfa(state, req, (ctx) => associate(state, req, ctx)));
  router.add('POST', '/mfa/challenge', (req) => challenge(state, req));
  router.add('GET', '/mfa/authenticators', (req) => withBearerMfa(state, req, (ctx) => ok(ctx.user.authenticators.map(authenticatorView))));
  router.add('DELETE', '/mfa/authenticators/:id', (req) =>
    withBearerMfa(state, req, (ctx) => {
      const index = ctx.user.authenticators.findIndex((a) => a.id === req.params.id);
      if (index < 0) return auth0Error(404, 'not_found', 'Authenticator not found');
      ctx.user.authenticators.splice(index, 1);
      return { status: 204 };
    }),
  );
}

/** /mfa/associate and /mfa/authenticators take the mfa_token (or a user access token) as a Bearer token. */
function withBearerMfa(state: Auth0State, req: SimRequest, next: (ctx: MfaContext) => SimReply): SimReply {
  const token = state.bearer(req.headers.authorization);
  if (!token) return auth0Error(401, 'unauthorized', 'Authorization header with a Bearer token is required');
  const access = state.accessTokens.get(token);
  if (access?.kind === 'user' && access.userId && state.now() < access.expiresAt) {
    const user = state.users.get(access.userId);
    if (user) return next({ user, token, entry: { userId: user.userId, expiresAt: access.expiresAt, scope: access.scope } });
  }
  const ctx = resolveMfaToken(state, token);
  return isReply(ctx) ? ctx : next(ctx);
}

export function authenticatorView(a: Auth0Authenticator): Record<string, unknown> {
  return {
    id: a.id,
    authenticator_type: a.authenticatorType,
    active: a.active,
    ...(a.oobChannel ? { oob_channel: a.oobChannel } : {}),
    ...(a.phoneNumber ? { name: `${'X'.repeat(Math.max(0, a.phoneNumber.length - 4))}${a.phoneNumber.slice(-4)}` } : {}),
  };
}

function associate(state: Auth0State, req: SimRequest, ctx: MfaContext): SimReply {
  const body = rawBody(req);
  const p = params(req);
  if (p.client_id !== undefined) {
    const client = rejectClient(state, p);
    if (client) return client;
  }
  const types = Array.isArray(body.authenticator_types) ? body.authenticator_types : [];
  const channels = Array.isArray(body.oob_channels) ? body.oob_channels : [];
  const user = ctx.user;
  if (user.authenticators.some((a) => a.active && a.authenticatorType !== 'recovery-code') && !state.accessTokens.has(ctx.token)) {
    return auth0Error(403, 'access_denied', 'User is already enrolled.');
  }
  if (types.includes('otp')) {
    const secret = newTotpSecret(20);
    state.addAuthenticator(user, { authenticatorType: 'otp', secret });
    const recovery = state.ensureRecoveryCode(user);
    return ok({
      authenticator_type: 'otp',
      secret,
      barcode_uri: otpauthUri({ issuer: state.config.friendlyName, label: user.email, secret }),
      ...(recovery ? { recovery_codes: [recovery] } : {}),
    });
  }
  if (types.includes('oob') && channels.includes('auth0')) {
    const authenticator = state.addAuthenticator(user, { authenticatorType: 'oob', oobChannel: 'auth0' });
    const tx = startPush(state, user, authenticator, 'enroll');
    const recovery = state.ensureRecoveryCode(user);
    const label = encodeURIComponent(`${state.config.friendlyName}:${user.email}`).replace('%3A', ':');
    return ok({
      authenticator_type: 'oob',
      barcode_uri: `otpauth://totp/${label}?enrollment_tx_id=${randomId('', 32)}&base_url=${encodeURIComponent(state.config.baseUrl)}`,
      oob_channel: 'auth0',
      oob_code: tx.oobCode,
      ...(recovery ? { recovery_codes: [recovery] } : {}),
    });
  }
  if (types.includes('oob') && channels.includes('sms')) {
    if (!p.phone_number) return auth0Error(400, 'invalid_request', 'Missing required parameter: phone_number');
    const authenticator = state.addAuthenticator(user, { authenticatorType: 'oob', oobChannel: 'sms', phoneNumber: p.phone_number });
    const tx = sendSms(state, user, authenticator, 'enroll');
    const recovery = state.ensureRecoveryCode(user);
    return ok({ authenticator_type: 'oob', binding_method: 'prompt', ...(recovery ? { recovery_codes: [recovery] } : {}), oob_channel: 'sms', oob_code: tx.oobCode });
  }
  return auth0Error(400, 'unsupported_challenge_type', 'The requested authenticator type is not supported.');
}

function challenge(state: Auth0State, req: SimRequest): SimReply {
  const p = params(req);
  const client = rejectClient(state, p);
  if (client) return client;
  if (!p.challenge_type) return auth0Error(400, 'invalid_request', 'Missing required parameter: challenge_type');
  const ctx = resolveMfaToken(state, p.mfa_token);
  if (isReply(ctx)) return ctx;
  const wanted = p.challenge_type.split(/\s+/);
  const candidates = ctx.user.authenticators.filter((a) => a.active && wanted.includes(a.authenticatorType));
  const authenticator = p.authenticator_id ? candidates.find((a) => a.id === p.authenticator_id) : candidates[0];
  if (!authenticator) return auth0Error(400, 'unsupported_challenge_type', 'User is not enrolled with an authenticator for this challenge type.');
  if (authenticator.authenticatorType === 'otp') return ok({ challenge_type: 'otp' });
  if (authenticator.oobChannel === 'sms') {
    const tx = sendSms(state, ctx.user, authenticator, 'challenge');
    return ok({ challenge_type: 'oob', oob_code: tx.oobCode, binding_method: 'prompt' });
  }
  const tx = startPush(state, ctx.user, authenticator, 'challenge');
  return ok({ challenge_type: 'oob', oob_code: tx.oobCode });
}

function startPush(state: Auth0State, user: Auth0User, authenticator: Auth0Authenticator, purpose: OobTransaction['purpose']): OobTransaction {
  const oobCode = `Fe26.2*sim*${randomId('', 48)}`;
  const push = state.pushes.create(user.userId, { oobCode });
  const tx: OobTransaction = { oobCode, userId: user.userId, authenticatorId: authenticator.id, purpose, expiresAt: push.expiresAt, pushId: push.id };
  state.oob.set(oobCode, tx);
  return tx;
}

function sendSms(state: Auth0State, user: Auth0User, authenticator: Auth0Authenticator, purpose: OobTransaction['purpose']): OobTransaction {
  const oobCode = `Fe26.2*sim*${randomId('', 48)}`;
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  state.smsOutbox.push({ phoneNumber: authenticator.phoneNumber ?? '', code, sentAt: state.now() });
  const tx: OobTransaction = { oobCode, userId: user.userId, authenticatorId: authenticator.id, purpose, expiresAt: state.now() + state.config.pushTimeoutMs, bindingCode: code };
  state.oob.set(oobCode, tx);
  return tx;
}
