import type { SimReply } from '../http/types';
import { randomId } from '../ids';
import type { OktaUser } from '../okta/model';
import type { AccessToken, OktaPushState } from './state';

const ACCESS_TOKEN_TTL_S = 3600;

/** Signs an access token (a JWT like Okta's) and remembers what it grants. */
export async function issueAccessToken(state: OktaPushState, issuer: string, grant: Omit<AccessToken, 'expiresAt'>): Promise<{ token: string; expiresIn: number }> {
  const now = Math.floor(state.now() / 1000);
  const token = await state.signingKey.sign({
    ver: 1,
    jti: randomId('AT.', 30),
    iss: issuer,
    aud: issuer === state.org.config.baseUrl ? state.org.config.baseUrl : 'api://default',
    iat: now,
    exp: now + ACCESS_TOKEN_TTL_S,
    cid: grant.clientId,
    uid: grant.userId,
    scp: grant.scopes,
    sub: state.org.users.get(grant.userId)?.profile.login ?? grant.userId,
  });
  state.accessTokens.set(token, { ...grant, expiresAt: state.now() + ACCESS_TOKEN_TTL_S * 1000 });
  return { token, expiresIn: ACCESS_TOKEN_TTL_S };
}

/** An OpenID Connect id token with the user's profile claims. */
export async function issueIdToken(state: OktaPushState, issuer: string, clientId: string, user: OktaUser, scopes: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(state.now() / 1000);
  const profile = user.profile;
  const name = [profile.firstName, profile.lastName].filter((part) => typeof part === 'string' && part.length > 0).join(' ');
  return state.signingKey.sign({
    sub: user.id,
    ver: 1,
    iss: issuer,
    aud: clientId,
    iat: now,
    exp: now + ACCESS_TOKEN_TTL_S,
    jti: randomId('ID.', 30),
    amr: ['pwd', 'mfa'],
    idp: state.orgId,
    auth_time: now,
    ...(scopes.includes('profile') || scopes.includes('email') ? { preferred_username: profile.login } : {}),
    ...(scopes.includes('profile') && name ? { name } : {}),
    ...(scopes.includes('email') ? { email: profile.email, email_verified: true } : {}),
    ...extra,
  });
}

/** The access token's grant when it is known and unexpired. */
export function lookUpAccessToken(state: OktaPushState, token: string | undefined): AccessToken | undefined {
  const grant = token ? state.accessTokens.get(token) : undefined;
  if (!grant || !token) return undefined;
  if (state.now() >= grant.expiresAt) {
    state.accessTokens.delete(token);
    return undefined;
  }
  return grant;
}

/** Access token for the granted scopes, and an id token when openid was asked for. */
export async function tokensFor(state: OktaPushState, issuer: string, clientId: string, user: OktaUser, scopes: string[], idClaims: Record<string, unknown> = {}): Promise<SimReply> {
  const access = await issueAccessToken(state, issuer, { userId: user.id, clientId, scopes });
  return {
    status: 200,
    json: {
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      access_token: access.token,
      scope: scopes.join(' '),
      ...(scopes.includes('openid') ? { id_token: await issueIdToken(state, issuer, clientId, user, scopes, idClaims) } : {}),
    },
  };
}
