import { createHash } from 'node:crypto';
import type { Router } from '../http/router';
import type { SimReply, SimRequest } from '../http/types';
import { cibaGrant } from './ciba-grant';
import { maintenanceGrant } from './maintenance-grant';
import { oauthError, scopesOf, stringFields } from './replies';
import type { OktaPushState } from './state';
import { tokensFor } from './tokens';

export const GRANT = {
  authorizationCode: 'authorization_code',
  password: 'password',
  jwtBearer: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  ciba: 'urn:openid:params:grant-type:ciba',
} as const;

/** `/oauth2[/{server}]/v1/token`: authorization code (PKCE), password (test orgs), jwt-bearer maintenance, CIBA. */
export function registerTokenRoute(router: Router, state: OktaPushState, server: string): void {
  router.add('POST', `${state.endpointPrefix(server)}/token`, (req) => token(state, server, req));
}

function token(state: OktaPushState, server: string, req: SimRequest): Promise<SimReply> | SimReply {
  const form = stringFields(req);
  switch (form.grant_type) {
    case GRANT.authorizationCode:
      return authorizationCode(state, form);
    case GRANT.password:
      return password(state, server, form);
    case GRANT.jwtBearer:
      return maintenanceGrant(state, server, form);
    case GRANT.ciba:
      return cibaGrant(state, req, form);
    case undefined:
      return oauthError(400, 'invalid_request', 'The grant_type parameter is required.');
    default:
      return oauthError(400, 'unsupported_grant_type', `The grant type ${form.grant_type} is not supported by this authorization server.`);
  }
}

async function authorizationCode(state: OktaPushState, form: Record<string, string>): Promise<SimReply> {
  const entry = form.code ? state.codes.get(form.code) : undefined;
  if (form.code) state.codes.delete(form.code);
  if (!entry || state.now() >= entry.expiresAt) return oauthError(400, 'invalid_grant', 'The authorization code is invalid or has expired.');
  if (form.client_id !== entry.clientId) return oauthError(401, 'invalid_client', 'The client_id does not match the authorization request.');
  if (form.redirect_uri !== entry.redirectUri) return oauthError(400, 'invalid_grant', "The redirect_uri does not match the authorization request's.");
  const verifier = form.code_verifier ?? '';
  const computed = createHash('sha256').update(verifier).digest('base64url');
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || computed !== entry.codeChallenge) return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
  const user = state.org.users.get(entry.userId);
  if (!user) return oauthError(400, 'invalid_grant', 'The user no longer exists.');
  return tokensFor(state, entry.issuer, entry.clientId, user, entry.scopes, entry.nonce ? { nonce: entry.nonce } : {});
}

async function password(state: OktaPushState, server: string, form: Record<string, string>): Promise<SimReply> {
  if (!state.settings.passwordGrant) return oauthError(400, 'unauthorized_client', 'The client is not authorized to use the provided grant type.');
  if (form.client_id !== state.oidcClientId) return oauthError(401, 'invalid_client', 'Client authentication failed.');
  const user = form.username ? state.org.findUser(form.username) : undefined;
  if (!user || user.status !== 'ACTIVE' || !form.password || user.password !== form.password) {
    return oauthError(400, 'invalid_grant', 'The credentials provided were invalid.');
  }
  return tokensFor(state, state.issuer(server), state.oidcClientId, user, scopesOf(form.scope));
}
