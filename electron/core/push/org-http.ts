import { z } from 'zod';
import { IdpError } from '../idp/errors';
import { HttpClient, type ErrorAnswer, type HttpClientOptions } from '../idp/http/client';
import { redactText } from '../idp/http/redact';
import { oktaErrorMapper } from '../idp/okta/errors';
import { logIdpCall } from '../idp/http/http-log';

export type PushHttpOptions = Omit<HttpClientOptions, 'service' | 'mapError' | 'baseUrl'>;

/** The MyAccount API refuses calls without its version in Accept. */
export const MYACCOUNT_ACCEPT = 'application/json; okta-version=1.0.0';

const OAuthError = z.object({ error: z.string(), error_description: z.string().optional() });

const OAUTH_ADVICE: Record<string, string> = {
  invalid_grant: 'Okta did not accept the sign-in: check the username and password, or sign in again.',
  invalid_client: 'Okta does not know this client id, or it is not allowed here: check the app’s client id in the Okta Admin Console.',
  unauthorized_client: 'This Okta app is not allowed to use this kind of sign-in: check its grant types in the Okta Admin Console.',
  invalid_scope: 'The Okta app may not grant the MyAccount app-authenticator scopes: grant them to the app in the Okta Admin Console.',
  access_denied: 'Okta refused the sign-in.',
};

/** OAuth endpoints answer `{error, error_description}`, the MyAccount API Okta's error object. */
function mapPushError(answer: ErrorAnswer): IdpError {
  const oauth = OAuthError.safeParse(answer.body);
  if (oauth.success) {
    const { error, error_description: description } = oauth.data;
    const advice = OAUTH_ADVICE[error] ?? `Okta refused the request (${error}).`;
    const detail = description ? `${redactText(description, answer.secrets).replace(/[.\s]+$/, '')}. ` : '';
    return new IdpError({ code: answer.status === 429 ? 'RATE_LIMITED' : 'IDP_ERROR', message: `${detail}${advice}`, providerCode: error, httpStatus: answer.status });
  }
  return oktaErrorMapper('authn')(answer);
}

export function createOrgHttp(orgUrl: string, options: PushHttpOptions = {}): HttpClient {
  return new HttpClient({ log: logIdpCall, ...options, baseUrl: orgUrl, service: 'Okta', mapError: mapPushError });
}
