import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { appError } from '../../../shared/errors';
import type { OktaCibaClient } from '../idp/okta/ciba';

export type IdTokenClaims = JWTPayload & { email?: string; name?: string; preferred_username?: string };

/** Tolerated difference between this machine's clock and Okta's. */
const CLOCK_TOLERANCE_S = 120;

/** Verifies an id token (RS256) against the authorization server's published keys, issuer and audience. */
export async function verifyIdToken(client: OktaCibaClient, idToken: string | undefined, nowMs: number, signal?: AbortSignal): Promise<IdTokenClaims> {
  if (!idToken) throw appError('IDP_ERROR', 'Okta approved the request but sent no id token: make sure the request asks for the openid scope.');
  const jwks = createLocalJWKSet((await client.keys(signal)) as JSONWebKeySet);
  try {
    const { payload } = await jwtVerify(idToken, jwks, {
      algorithms: ['RS256'],
      issuer: client.issuer,
      audience: client.clientId,
      currentDate: new Date(nowMs),
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    return payload as IdTokenClaims;
  } catch {
    throw appError('IDP_ERROR', "Okta's answer carried an id token that does not verify against the org's published keys; the approval was not accepted.");
  }
}

/** Who approved, as a person would name them: "Name (login)" when both are known. */
export function approverName(claims: IdTokenClaims): string {
  const login = claims.preferred_username ?? claims.email ?? claims.sub ?? 'the user';
  return claims.name && claims.name !== login ? `${claims.name} (${login})` : login;
}
