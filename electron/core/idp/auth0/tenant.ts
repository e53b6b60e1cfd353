import { HttpClient, type HttpClientOptions } from '../http/client';
import { joinUrl } from '../http/url';
import { auth0ErrorMapper } from './errors';

export type Auth0HttpOptions = Omit<HttpClientOptions, 'service' | 'mapError' | 'baseUrl'>;

/** The HTTP client for one Auth0 tenant (https://TENANT.auth0.com, or a custom domain). */
export function connectAuth0Tenant(tenantUrl: string, options: Auth0HttpOptions = {}): HttpClient {
  return new HttpClient({ ...options, baseUrl: tenantUrl, service: 'Auth0', mapError: auth0ErrorMapper });
}

/**
 * The Management API audience of a tenant: an identifier, not a transport address, so always the https
 * form `https://{tenant host}/api/v2/` as Auth0 and its SDKs use it, even for a tenant reached over
 * plain http on this computer (the simulator). A tenant behind a custom domain is named by its canonical
 * `*.auth0.com` domain here.
 */
export function managementAudience(tenantUrl: string): string {
  const url = new URL(tenantUrl);
  url.protocol = 'https:';
  return joinUrl(url.toString(), '/api/v2/').toString();
}

export const GRANT = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  clientCredentials: 'client_credentials',
} as const;
