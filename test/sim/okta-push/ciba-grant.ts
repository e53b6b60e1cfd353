import type { Router } from '../http/router';
import type { SimReply, SimRequest } from '../http/types';
import { randomId } from '../ids';
import { createChallenge } from './challenges';
import { clientCredentials, oauthError, scopesOf, stringFields } from './replies';
import type { CibaRequest, OktaPushState } from './state';
import { tokensFor } from './tokens';

const DEFAULT_EXPIRY_S = 300;
const MAX_EXPIRY_S = 600;
const MAX_BINDING_MESSAGE = 256;
/** CIBA Core §11: each slow_down adds 5 s to the interval. */
const SLOW_DOWN_STEP_S = 5;

/**
 * `POST /oauth2[/{server}]/v1/bc/authorize` (poll mode). A request for a user with a custom-authenticator
 * enrolment that allows CIBA becomes a pending challenge (transactionType CIBA, the binding message)
 * on each such enrolment.
 */
export function registerBackchannelRoute(router: Router, state: OktaPushState, server: string): void {
  router.add('POST', `${state.endpointPrefix(server)}/bc/authorize`, (req) => backchannelAuthorize(state, server, req));
}

async function backchannelAuthorize(state: OktaPushState, server: string, req: SimRequest): Promise<SimReply> {
  const form = stringFields(req);
  const unauthenticated = authenticateClient(state, req, form);
  if (unauthenticated) return unauthenticated;
  const scopes = scopesOf(form.scope);
  if (!scopes.includes('openid')) return oauthError(400, 'invalid_scope', 'The scope must include openid.');
  if ((form.login_hint === undefined) === (form.id_token_hint === undefined)) {
    return oauthError(400, 'invalid_request', 'Send exactly one of login_hint and id_token_hint.');
  }
  if (form.id_token_hint !== undefined) return oauthError(400, 'invalid_request', 'This simulator supports login_hint only.');
  const bindingMessage = form.binding_message;
  if (bindingMessage !== undefined && (bindingMessage.length === 0 || bindingMessage.length > MAX_BINDING_MESSAGE)) {
    return oauthError(400, 'invalid_binding_message', `The binding_message must be 1 to ${MAX_BINDING_MESSAGE} characters.`);
  }
  let expiry = DEFAULT_EXPIRY_S;
  if (form.request_expiry !== undefined) {
    expiry = Number(form.request_expiry);
    if (!/^\d+$/.test(form.request_expiry) || expiry < 1 || expiry > MAX_EXPIRY_S) return oauthError(400, 'invalid_request', `The request_expiry must be 1 to ${MAX_EXPIRY_S} seconds.`);
  }
  const user = state.org.findUser(form.login_hint ?? '');
  if (!user || user.status !== 'ACTIVE') return oauthError(400, 'unknown_user_id', 'The login_hint does not identify an active user of this org.');
  const enrollments = [...state.enrollments.values()].filter((e) => e.userId === user.id && e.transactionTypes.includes('CIBA'));
  if (enrollments.length === 0) return oauthError(400, 'invalid_request', 'The user has no authenticator enrolled that accepts CIBA requests.');
  const now = state.now();
  const request: CibaRequest = {
    id: randomId('ft', 32),
    clientId: state.ciba.clientId,
    userId: user.id,
    scopes,
    ...(bindingMessage !== undefined ? { bindingMessage } : {}),
    issuer: state.issuer(server),
    createdAt: now,
    expiresAt: now + expiry * 1000,
    intervalSeconds: state.settings.cibaIntervalSeconds,
    lastPollAt: now,
  };
  state.cibaRequests.set(request.id, request);
  for (const enrollment of enrollments) {
    await createChallenge(state, enrollment, {
      transactionType: 'CIBA',
      appInstanceName: state.ciba.appName,
      authorizationServer: server,
      clientOS: 'UNKNOWN',
      ...(bindingMessage !== undefined ? { bindingMessage } : {}),
      cibaRequestId: request.id,
      notAfter: request.expiresAt,
    });
  }
  return { status: 200, json: { auth_req_id: request.id, expires_in: expiry, interval: request.intervalSeconds } };
}

/** The ciba token grant: pending, slow_down, access_denied, expired_token, or the tokens once approved. */
export async function cibaGrant(state: OktaPushState, req: SimRequest, form: Record<string, string>): Promise<SimReply> {
  const unauthenticated = authenticateClient(state, req, form);
  if (unauthenticated) return unauthenticated;
  const request = form.auth_req_id ? state.cibaRequests.get(form.auth_req_id) : undefined;
  if (!request || request.redeemed) return oauthError(400, 'invalid_grant', 'The auth_req_id is invalid or was already used.');
  const now = state.now();
  if (now >= request.expiresAt && request.answer === undefined) return oauthError(400, 'expired_token', 'The auth_req_id has expired.');
  if (request.answer === 'denied') {
    request.redeemed = true;
    return oauthError(400, 'access_denied', 'The end-user denied the authorization request.');
  }
  if (request.answer === 'approved') {
    const user = state.org.users.get(request.userId);
    if (!user) return oauthError(400, 'invalid_grant', 'The user no longer exists.');
    request.redeemed = true;
    return tokensFor(state, request.issuer, request.clientId, user, request.scopes);
  }
  const tooSoon = now - request.lastPollAt < request.intervalSeconds * 1000;
  request.lastPollAt = now;
  if (tooSoon) {
    request.intervalSeconds += SLOW_DOWN_STEP_S;
    return oauthError(400, 'slow_down', `Polled faster than the interval; wait ${request.intervalSeconds} seconds between polls.`);
  }
  return oauthError(400, 'authorization_pending', "The authorization request is still pending as the user hasn't yet been authenticated.");
}

function authenticateClient(state: OktaPushState, req: SimRequest, form: Record<string, string>): SimReply | undefined {
  const { clientId, clientSecret } = clientCredentials(req, form);
  if (clientId === state.ciba.clientId && clientSecret === state.ciba.clientSecret) return undefined;
  return { ...oauthError(401, 'invalid_client', 'Client authentication failed.'), headers: { 'www-authenticate': 'Basic realm="okta"' } };
}
