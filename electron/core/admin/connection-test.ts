import { z } from 'zod';
import { isAppError } from '../../../shared/errors';
import type { HttpClient } from '../idp/http/client';
import { connectAuth0Tenant, GRANT, managementAudience } from '../idp/auth0/tenant';
import { TokenResponse } from '../idp/auth0/schemas';
import { Auth0TokenGrants } from '../idp/auth0/token-grants';
import { connectOktaOrg } from '../idp/okta/org';
import { SKEW_WARNING_MS } from '../clock-skew/skew-bounds';
import { managementUrlOf, type ConnectionTarget } from './connection';
import type { ProviderHttpOptions } from './okta-provider';

export interface ConnectionCheck {
  ok: boolean;
  /** The credentials work; only the clock is off (the connection may be saved, with the warning). */
  usable: boolean;
  /** One sentence: what works, or exactly what is wrong and what to do. */
  message: string;
  /** The org's clock minus ours, when it answered with a Date. */
  skewMs?: number;
}

const AUTH0_SCOPES = ['read:users', 'create:users', 'delete:users'];

/** Checks the address, the credentials, their permissions and the clock, with as few calls as that takes. */
export async function testConnection(target: ConnectionTarget, options: ProviderHttpOptions = {}): Promise<ConnectionCheck> {
  let http: HttpClient | undefined;
  try {
    if (target.provider === 'okta') {
      http = connectOktaOrg(target.url, { ...options, maxAttempts: 1 }).admin;
      await http.json({ method: 'GET', path: '/api/v1/users', query: { limit: 1 }, headers: { authorization: `SSWS ${target.okta.apiToken}` }, secrets: [target.okta.apiToken] }, z.array(z.unknown()));
    } else {
      http = connectAuth0Tenant(target.url, { ...options, maxAttempts: 1 });
      const management = target.auth0.managementUrl ? connectAuth0Tenant(target.auth0.managementUrl, { ...options, maxAttempts: 1 }) : http;
      const problem = (await checkAuth0Management(management, target)) ?? (await checkAuth0App(http, target));
      if (problem) return { ok: false, usable: false, message: problem, ...skew(http) };
    }
  } catch (error) {
    return { ok: false, usable: false, message: isAppError(error) ? error.message : `Traykey could not check ${target.url}.`, ...(http ? skew(http) : {}) };
  }
  const measured = http.clockSkewMs;
  if (measured !== undefined && Math.abs(measured) > SKEW_WARNING_MS) {
    const seconds = Math.round(Math.abs(measured) / 1000);
    return {
      ok: false,
      usable: true,
      skewMs: measured,
      message: `The connection works, but this computer's clock is ${seconds} s ${measured > 0 ? 'behind' : 'ahead of'} the org's: Traykey corrects its own codes, but set the system clock right so other authenticators work too.`,
    };
  }
  return { ok: true, usable: true, message: `Connected to ${target.name}: the credentials work and have the permissions Traykey needs.`, ...skew(http) };
}

function skew(http: HttpClient): { skewMs?: number } {
  return http.clockSkewMs !== undefined ? { skewMs: http.clockSkewMs } : {};
}

async function checkAuth0Management(http: HttpClient, target: Extract<ConnectionTarget, { provider: 'auth0' }>): Promise<string | undefined> {
  const { auth0 } = target;
  const tokens = await http.json(
    {
      method: 'POST',
      path: '/oauth/token',
      form: { grant_type: GRANT.clientCredentials, client_id: auth0.managementClientId, client_secret: auth0.managementClientSecret, audience: managementAudience(managementUrlOf(target)) },
      secrets: [auth0.managementClientSecret],
    },
    TokenResponse,
  );
  const granted = new Set((tokens.scope ?? '').split(/\s+/));
  const missing = AUTH0_SCOPES.filter((scope) => !granted.has(scope));
  if (missing.length === 0) return undefined;
  return `The Management API client lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: grant ${missing.length > 1 ? 'them' : 'it'} under Applications → APIs → Auth0 Management API → Machine to Machine Applications.`;
}

/** A sign-in as a user that cannot exist tells whether the application may use the password grant. */
async function checkAuth0App(http: HttpClient, target: Extract<ConnectionTarget, { provider: 'auth0' }>): Promise<string | undefined> {
  const { auth0 } = target;
  const grants = new Auth0TokenGrants(http, { clientId: auth0.appClientId, ...(auth0.appClientSecret ? { clientSecret: auth0.appClientSecret } : {}) });
  try {
    await grants.password({ username: 'traykey-connection-check@invalid.example', password: 'not-a-password', realm: auth0.realm });
  } catch (error) {
    if (isAppError(error) && (error.providerCode === 'invalid_grant' || error.providerCode === 'invalid_user_password')) return undefined;
    throw error;
  }
  return undefined;
}
