import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { SimReply } from '../http/types';
import { SCOPE } from './myaccount-routes';
import { oauthError, scopesOf } from './replies';
import type { Enrollment, OktaPushState } from './state';
import { issueAccessToken } from './tokens';

const MAINTENANCE_SCOPES: ReadonlySet<string> = new Set([SCOPE.maintenanceRead, SCOPE.maintenanceManage]);
const MAX_ASSERTION_LIFETIME_S = 3600;

/**
 * jwt-bearer grant for a maintenance token. The assertion is signed by the enrolment's
 * proof-of-possession key (`kid` names it); `iss` and `sub` are the enrolment id, `aud` the token
 * endpoint (or the org URL), `jti` fresh, `exp` at most an hour after `iat`.
 */
export async function maintenanceGrant(state: OktaPushState, server: string, form: Record<string, string>): Promise<SimReply> {
  if (form.client_id !== state.oidcClientId) return oauthError(401, 'invalid_client', 'Client authentication failed.');
  const scopes = scopesOf(form.scope);
  if (scopes.length === 0 || !scopes.every((s) => MAINTENANCE_SCOPES.has(s))) {
    return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
  }
  const enrollment = enrollmentOf(state, form.assertion ?? '');
  if (!enrollment) return invalidAssertion();
  const tokenEndpoint = `${state.issuer(server)}${server === 'org' ? '/oauth2/v1/token' : '/v1/token'}`;
  const key = enrollment.proofOfPossession;
  const alg = key.kty === 'EC' ? 'ES256' : 'RS256';
  try {
    const { payload } = await jwtVerify(form.assertion ?? '', await importJWK(key, alg), {
      algorithms: [alg],
      audience: [tokenEndpoint, state.org.config.baseUrl],
      currentDate: new Date(state.now()),
      clockTolerance: 300,
      requiredClaims: ['iat', 'exp', 'jti'],
    });
    if (payload.iss !== enrollment.id || (payload.sub !== undefined && payload.sub !== enrollment.id)) return invalidAssertion();
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_ASSERTION_LIFETIME_S) return invalidAssertion();
    const jti = `assertion:${String(payload.jti)}`;
    if (state.usedJtis.has(jti)) return invalidAssertion();
    state.usedJtis.add(jti);
  } catch {
    return invalidAssertion();
  }
  const access = await issueAccessToken(state, state.issuer(server), { userId: enrollment.userId, clientId: state.oidcClientId, scopes, enrollmentId: enrollment.id });
  return { status: 200, json: { token_type: 'Bearer', expires_in: access.expiresIn, access_token: access.token, scope: scopes.join(' ') } };
}

function enrollmentOf(state: OktaPushState, assertion: string): Enrollment | undefined {
  try {
    const { kid } = decodeProtectedHeader(assertion);
    const { iss } = decodeJwt(assertion);
    const enrollment = typeof iss === 'string' ? state.enrollments.get(iss) : undefined;
    return enrollment && enrollment.proofOfPossession.kid === kid ? enrollment : undefined;
  } catch {
    return undefined;
  }
}

function invalidAssertion(): SimReply {
  return oauthError(400, 'invalid_grant', 'The assertion is invalid, expired, replayed, or not signed by the enrollment key.');
}
