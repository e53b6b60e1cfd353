import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { BrowserOpener } from '../capabilities';
import type { HttpClient } from '../idp/http/client';
import { signInPageUrl } from '../idp/http/sign-in-page';
import { listenForRedirect } from './loopback-redirect';
import type { OrgEndpoints } from './org-discovery';

export const MANAGE_SCOPE = 'okta.myAccount.appAuthenticator.manage';
const SIGN_IN_SCOPE = `openid profile ${MANAGE_SCOPE}`;


export type SignInMethod = { kind: 'browser'; openBrowser: BrowserOpener; timeoutMs?: number; port?: number } | { kind: 'password'; username: string; password: string };

const TokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().optional(), scope: z.string().optional() });

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A short-lived token with the manage scope; it is used for one enrolment or removal and never stored. */
export async function signInForManageToken(http: HttpClient, endpoints: OrgEndpoints, clientId: string, method: SignInMethod): Promise<string> {
  const answer = method.kind === 'password' ? await passwordGrant(http, endpoints, clientId, method) : await browserSignIn(http, endpoints, clientId, method);
  const granted = answer.scope?.split(' ');
  if (granted && !granted.includes(MANAGE_SCOPE)) {
    throw appError('IDP_ERROR', `The Okta app did not grant ${MANAGE_SCOPE}: grant that scope to the app in the Okta Admin Console, then enrol again.`);
  }
  return answer.access_token;
}

function passwordGrant(http: HttpClient, endpoints: OrgEndpoints, clientId: string, method: { username: string; password: string }) {
  return http.json(
    {
      method: 'POST',
      link: endpoints.tokenEndpoint,
      form: { grant_type: 'password', username: method.username, password: method.password, client_id: clientId, scope: SIGN_IN_SCOPE },
      secrets: [method.password],
    },
    TokenAnswer,
  );
}

/** Authorization code with PKCE through the system browser and a loopback redirect (RFC 8252). */
async function browserSignIn(http: HttpClient, endpoints: OrgEndpoints, clientId: string, method: { openBrowser: BrowserOpener; timeoutMs?: number; port?: number }) {
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const redirect = await listenForRedirect({ state, timeoutMs: method.timeoutMs ?? 5 * 60_000, ...(method.port !== undefined ? { port: method.port } : {}) });
  try {
    const authorize = new URL(endpoints.authorizationEndpoint);
    authorize.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: SIGN_IN_SCOPE,
      redirect_uri: redirect.redirectUri,
      state,
      code_challenge: base64url(createHash('sha256').update(verifier).digest()),
      code_challenge_method: 'S256',
    }).toString();
    await method.openBrowser(signInPageUrl(authorize.toString()));
    const query = await redirect.result;
    const code = query.get('code');
    if (!code) {
      const error = query.get('error') ?? 'no code';
      throw appError('IDP_ERROR', `The browser sign-in did not complete (${error}): sign in again and allow Traykey the access it asks for.`, { providerCode: error });
    }
    return await http.json(
      {
        method: 'POST',
        link: endpoints.tokenEndpoint,
        form: { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirect.redirectUri, client_id: clientId },
        secrets: [code, verifier],
      },
      TokenAnswer,
    );
  } finally {
    redirect.close();
  }
}
