import { Router } from '../http/router';
import type { Tenant } from '../http/tenant';
import { RateLimiter, type RateLimitRule } from '../rate-limit';
import { auth0Error, auth0Errors } from './errors';
import { registerAuth0ControlRoutes } from './control-routes';
import { registerManagementRoutes } from './management-routes';
import { registerMfaRoutes } from './mfa-routes';
import { Auth0State, type Auth0SeedUser, type Auth0TenantConfig } from './state';
import { registerTokenRoutes } from './token-routes';

export interface Auth0Tenant extends Tenant {
  state: Auth0State;
}

/** Generous defaults; Auth0's real limits depend on the plan. */
export const defaultAuth0RateLimits: RateLimitRule[] = [{ path: '/**', limit: 1200 }];

export function createAuth0Tenant(config: Auth0TenantConfig, rateLimits: RateLimitRule[] = defaultAuth0RateLimits): Auth0Tenant {
  const state = new Auth0State(config);
  const router = new Router();
  registerAuth0ControlRoutes(router, state);
  registerTokenRoutes(router, state);
  registerMfaRoutes(router, state);
  registerManagementRoutes(router, state);
  return {
    state,
    router,
    rateLimiter: new RateLimiter(rateLimits, config.clock),
    rateLimitHeaders: (v) => ({ 'x-ratelimit-limit': String(v.limit), 'x-ratelimit-remaining': String(v.remaining), 'x-ratelimit-reset': String(v.reset) }),
    notFound: () => auth0Error(404, 'not_found', 'Not Found'),
    methodNotAllowed: () => auth0Error(405, 'method_not_allowed', 'Method Not Allowed'),
    malformedBody: () => auth0Error(400, 'invalid_request', 'Invalid request body'),
    rateLimited: () => auth0Errors.rateLimited(),
    serverError: (status) => auth0Error(status, 'server_error', 'The service is temporarily unavailable.'),
  };
}

export function seedAuth0Users(state: Auth0State, users: Auth0SeedUser[]): void {
  for (const seed of users) {
    const user = state.addUser({ email: seed.email, password: seed.password, username: seed.username ?? null, emailVerified: true });
    if (seed.totpSecret) state.addAuthenticator(user, { authenticatorType: 'otp', secret: seed.totpSecret }).active = true;
    if (seed.push) state.addAuthenticator(user, { authenticatorType: 'oob', oobChannel: 'auth0' }).active = true;
    if (seed.totpSecret || seed.push) state.ensureRecoveryCode(user);
  }
}
