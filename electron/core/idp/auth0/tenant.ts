import { HttpClient, type HttpClientOptions } from '../http/client';
import { auth0ErrorMapper } from './errors';

export type Auth0HttpOptions = Omit<HttpClientOptions, 'service' | 'mapError' | 'baseUrl'>;

/** The HTTP client for one Auth0 tenant (https://TENANT.auth0.com, or a custom domain). */
export function connectAuth0Tenant(tenantUrl: string, options: Auth0HttpOptions = {}): HttpClient {
  return new HttpClient({ ...options, baseUrl: tenantUrl, service: 'Auth0', mapError: auth0ErrorMapper });
}

export const GRANT = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  clientCredentials: 'client_credentials',
} as const;
